import { codePointLength, textProblem } from './text';

describe('textProblem', () => {
  it.each([['plain'], [''], ['two\nlines\tand a tab'], ['🙂 astral and accents: éàü'], ['\uD83D\uDE42'], ['\uFFFD']])(
    'accepts %p',
    (value) => {
      expect(textProblem(value)).toBeNull();
    },
  );

  it.each([
    ['a NUL', 'a\u0000b', /U\+0000/],
    ['a bell', '\u0007', /U\+0007/],
    ['a carriage return', 'a\r\nb', /U\+000D/],
    ['DEL', '\u007F', /U\+007F/],
    ['a C1 control', '\u0085', /U\+0085/],
    ['a lone high surrogate', 'x\uD800', /lone surrogate/],
    ['a lone low surrogate', '\uDC00x', /lone surrogate/],
    ['swapped surrogates', '\uDE42\uD83D', /lone surrogate/],
  ])('refuses %s', (_name, value, message) => {
    expect(textProblem(value)).toMatch(message);
  });

  it('refuses newline and tab where they are not allowed', () => {
    expect(textProblem('a\nb', { newlinesAndTabs: false })).toMatch(/U\+000A/);
    expect(textProblem('a\tb', { newlinesAndTabs: false })).toMatch(/U\+0009/);
  });
});

describe('codePointLength', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('acme-q1')).toBe(7);
    expect(codePointLength('🙂'.repeat(255))).toBe(255);
    expect(codePointLength('')).toBe(0);
  });
});
