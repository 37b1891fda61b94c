import { CATALOGUES, formatDate, formatNumber, translator } from './translator';

describe('translator', () => {
  it('writes a key in each language', () => {
    expect(translator('en')('language.nl')).toBe('Dutch');
    expect(translator('nl')('language.nl')).toBe('Nederlands');
  });

  it('shows a missing key as its key', () => {
    expect(translator('nl')('no.such.key')).toBe('no.such.key');
  });

  it('formats numbers and dates per language', () => {
    expect(formatNumber('nl', 1234.5, 1)).toBe('1.234,5');
    expect(formatNumber('en', 1234.5, 1)).toBe('1,234.5');
    expect(formatDate('nl', new Date('2026-12-01T00:00:00Z'))).toBe('1 december 2026');
    expect(formatDate('en', new Date('2026-12-01T00:00:00Z'))).toBe('1 December 2026');
  });

  it('has one catalogue per language', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual(['en', 'nl']);
  });
});
