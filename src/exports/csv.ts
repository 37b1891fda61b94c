/** A CSV cell: text is escaped (and guarded against formula injection); numbers and booleans are written as is. */
export type CsvCell = string | number | boolean | null;

/**
 * Spreadsheets run a text cell starting with = + - @ (or tab / carriage return) as a formula: such text gets a
 * leading apostrophe, which spreadsheets show as text. Numbers are not text and keep their sign.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: comma-separated, CRLF line ends, a header row first. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
