import { IDEMPOTENCY_KEY_PATTERN, PERIOD_PATTERN, quarterOf } from './period';

describe('PERIOD_PATTERN', () => {
  it.each(['2026', '2026-H1', '2026-H2', '2026-Q1', '2026-Q4', '2026-01', '2026-09', '2026-10', '2026-12'])(
    'accepts %s',
    (p) => {
      expect(PERIOD_PATTERN.test(p)).toBe(true);
    },
  );

  it.each([
    '26',
    '2026-',
    '2026-Q0',
    '2026-Q5',
    '2026-H3',
    '2026-00',
    '2026-13',
    '2026-1',
    '2026-11-03',
    '2026q4',
    ' 2026',
    '2026-q4',
  ])('rejects %s', (p) => {
    expect(PERIOD_PATTERN.test(p)).toBe(false);
  });
});

describe('IDEMPOTENCY_KEY_PATTERN', () => {
  it('accepts 8 to 200 characters of [A-Za-z0-9._:-]', () => {
    for (const key of ['abcdefgh', 'A.b_c:d-1', '6f1c1f6e-1b7e-4a0e-9d7a-0b1c2d3e4f50', 'k'.repeat(200)]) {
      expect({ key, ok: IDEMPOTENCY_KEY_PATTERN.test(key) }).toEqual({ key, ok: true });
    }
  });

  it('rejects shorter, longer and other characters', () => {
    for (const key of [
      'abcdefg',
      'k'.repeat(201),
      'has space',
      'slash/key1',
      'ünïcode-key',
      'newline\nkey',
    ]) {
      expect({ key, ok: IDEMPOTENCY_KEY_PATTERN.test(key) }).toEqual({ key, ok: false });
    }
  });
});

describe('quarterOf', () => {
  it('names the UTC calendar quarter', () => {
    expect(quarterOf(new Date('2026-01-01T00:00:00Z'))).toBe('2026-Q1');
    expect(quarterOf(new Date('2026-03-31T23:59:59Z'))).toBe('2026-Q1');
    expect(quarterOf(new Date('2026-04-01T00:00:00Z'))).toBe('2026-Q2');
    expect(quarterOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-Q4');
  });
});
