import { languageOf } from './language';

describe('languageOf (Accept-Language)', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['nl', 'nl'],
    ['nl-NL', 'nl'],
    ['nl-BE', 'nl'],
    ['nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    ['en-GB,en;q=0.9,nl;q=0.8', 'en'],
    ['en;q=0.4,nl;q=0.5', 'nl'],
    ['de-DE,de;q=0.9', 'en'],
    ['de-DE,nl;q=0.3', 'nl'],
    ['*', 'en'],
    ['nl;q=0', 'en'],
  ])('%p is %p', (header, expected) => {
    expect(languageOf(header)).toBe(expected);
  });

  it('reads a header given twice as one list', () => {
    expect(languageOf(['de', 'nl-BE'])).toBe('nl');
  });
});
