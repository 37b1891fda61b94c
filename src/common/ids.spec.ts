import { isUuid } from './ids';

describe('isUuid', () => {
  it('accepts the ids the database generates and refuses anything else', () => {
    expect(isUuid('0b7f3a52-8a1e-4c3b-9f6d-2a1c5e7d9b10')).toBe(true);
    expect(isUuid('0B7F3A52-8A1E-4C3B-9F6D-2A1C5E7D9B10')).toBe(true);
    for (const bad of ['', 'nope', '0b7f3a52-8a1e-0c3b-9f6d-2a1c5e7d9b10', '0b7f3a52-8a1e-4c3b-1f6d-2a1c5e7d9b10', 42, null])
      expect({ bad, ok: isUuid(bad) }).toEqual({ bad, ok: false });
  });
});
