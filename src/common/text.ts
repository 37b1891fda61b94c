/**
 * Text accepted at the edge: well-formed Unicode (no lone surrogate: PostgreSQL's driver would silently turn one
 * into U+FFFD) and no control characters (C0, DEL, C1; a NUL would make PostgreSQL fail the statement), except
 * newline and tab in ordinary text.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_EXCEPT_NEWLINE_AND_TAB = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is not acceptable text, or null when it is. */
export function textProblem(value: string, options: { newlinesAndTabs: boolean } = { newlinesAndTabs: true }): string | null {
  if (LONE_SURROGATE.test(value)) return 'is not well-formed Unicode (a lone surrogate)';
  const control = options.newlinesAndTabs ? CONTROL_EXCEPT_NEWLINE_AND_TAB : CONTROL;
  const found = control.exec(value);
  if (found) {
    const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return options.newlinesAndTabs
      ? `must not contain control characters (found U+${code}); newline and tab are allowed`
      : `must not contain control characters (found U+${code})`;
  }
  return null;
}

/** Length in Unicode code points (what a user counts as characters), not UTF-16 units. */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length += 1;
  return length;
}
