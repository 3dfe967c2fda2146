/**
 * CSV in shared/ is tables, never text: the server reads and writes the text (server/csv/csv.ts, with
 * csv-parse and csv-stringify, whose types need Node's).
 */

/** A CSV as rows of cells; a missing value is an empty cell. */
export type CsvCell = string | number | null | undefined;
export type CsvTable = CsvCell[][];

/** A row of a CSV as read, with the line it starts on (a quoted field may span lines). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** A cell a spreadsheet would take for a formula (OWASP "CSV injection"): =, +, -, @, tab or CR first. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number or duration (`-3`, `+98`, `-00:00:01.500`): no formula, so kept as it is. */
const PLAIN_NUMBER = /^[+-]?[0-9][0-9.:]*$/;

/**
 * A cell as it may be exported: one that a spreadsheet would run as a formula gets a leading
 * single quote (OWASP's advice; the writer then quotes it), so it opens as the text it is.
 */
export function neutralizedCell(cell: CsvCell): CsvCell {
  if (typeof cell !== 'string' || !FORMULA_START.test(cell) || PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}
