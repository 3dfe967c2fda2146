import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { neutralizedCell, type CsvRow, type CsvTable } from '../../shared/csv';
import type { Problem } from '../../shared/validation';

/**
 * Cells that must be quoted besides those with a comma or a quote: the ones neutralizedCell
 * prefixed (as OWASP advises), and any line break (csv-stringify quotes only the whole CRLF).
 */
const QUOTED: RegExp[] = [/^'[=+\-@\t\r]/, /[\r\n]/];

/**
 * A table as CSV text (RFC 4180, CRLF after every row) with every cell that a spreadsheet would
 * run as a formula neutralised. csv-stringify's types need Node's, so CSV text is made here and
 * shared/ keeps to tables (and to rows already read: shared/csv-import.ts).
 */
export function writeCsv(table: CsvTable): string {
  return stringify(
    table.map((row) => row.map(neutralizedCell)),
    { record_delimiter: 'windows', quoted_match: QUOTED },
  );
}

export type CsvReadResult = { ok: true; rows: CsvRow[] } | { ok: false; problem: Problem };

/**
 * Reads CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a leading BOM) with
 * csv-parse. Blank rows are skipped; a malformed quote (never closed, or text after a closing
 * one) is refused with its line and column.
 */
export function readCsv(text: string): CsvReadResult {
  try {
    const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    // info.lines is the line a record ends on; it starts that many lines earlier as its fields span.
    const rows = records.map(({ record, info }) => ({ line: info.lines - lineBreaksIn(record), cells: record }));
    return { ok: true, rows: rows.filter((row) => row.cells.some((cell) => cell.trim() !== '')) };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const at = error as CsvError & { lines?: number; column?: number };
    // csv-parse counts an unclosed quote's line at the end of the file: name the line it opens on.
    const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(text) : (at.lines ?? 1);
    const column = typeof at.column === 'number' ? `, column ${at.column + 1}` : '';
    return { ok: false, problem: { path: `line ${line}${column}`, message: csvMessage(error) } };
  }
}

/** The line of the quote left open at the end of the text (only asked once csv-parse found one). */
function unclosedQuoteLine(text: string): number {
  let line = 1;
  let opened = 1;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
      if (quoted) opened = line;
    } else if (ch === '\n') line++;
  }
  return opened;
}

function lineBreaksIn(record: readonly string[]): number {
  let breaks = 0;
  for (const cell of record) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) breaks++;
  return breaks;
}

/** csv-parse's message, in the words of the other problems: what was expected, what was found. */
function csvMessage(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'expected a closing " for the quoted field that starts here, got the end of the file';
    case 'INVALID_OPENING_QUOTE':
      return 'expected a " only at the start of a field (write a quote inside a field as "" within a quoted field), got one in the middle';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'expected a comma or the end of the line after a closing ", got more text';
    default:
      return error.message;
  }
}
