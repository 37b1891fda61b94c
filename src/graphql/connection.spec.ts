import { decodeTimeCursor, encodeCursor } from './connection';

describe('time cursors', () => {
  const id = '3f1c2a7e-8b9d-4c1e-9f00-123456789abc';
  it('accepts timestamps as PostgreSQL prints them', () => {
    for (const at of ['2026-11-26 10:44:45.123456+00', '2026-11-26 10:44:45+05:30', '2026-11-26T10:44:45Z']) {
      expect(decodeTimeCursor(encodeCursor([at, id]))).toEqual([at, id]);
    }
  });
  it('refuses anything else with BAD_USER_INPUT on after', () => {
    for (const bad of [encodeCursor(['yesterday', id]), encodeCursor(['2026-11-26 10:44:45+00', 'x']), encodeCursor([1, id]), 'bm9wZQ']) {
      expect(() => decodeTimeCursor(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'after' })] }));
    }
  });
  it.each([
    ['an offset of +99', '2026-11-26 10:44:45.123456+99'],
    ['an offset of -16', '2026-11-26 10:44:45-16'],
    ['an offset of +05:75', '2026-11-26 10:44:45+05:75'],
    ['31 February', '2026-02-31 10:44:45+00'],
    ['hour 24', '2026-11-26 24:00:00+00'],
    ['year 0', '0000-01-01 00:00:00+00'],
  ])('refuses a time PostgreSQL would refuse: %s', (_name, at) => {
    expect(() => decodeTimeCursor(encodeCursor([at, id]))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
