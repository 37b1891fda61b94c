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
  it('accepts any 1 to 255 characters without control characters', () => {
    for (const key of [
      'a',
      'acme-q1',
      'acme/2026-Q1',
      'has space',
      'ünïcode-key',
      '6f1c1f6e-1b7e-4a0e-9d7a-0b1c2d3e4f50',
      'k'.repeat(255),
      '🙂'.repeat(255),
    ]) {
      expect({ key, ok: IDEMPOTENCY_KEY_PATTERN.test(key) }).toEqual({ key, ok: true });
    }
  });

  it('rejects empty, longer than 255 characters, control characters and lone surrogates', () => {
    for (const key of ['', 'k'.repeat(256), '🙂'.repeat(256), 'newline\nkey', 'tab\tkey', 'nul\u0000key', 'del\u007f', 'c1\u0085', 'x\uD800']) {
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
