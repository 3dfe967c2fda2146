import { stringify } from 'csv-stringify/sync';
import { neutralizedCell, type CsvTable } from '../shared/csv';

/**
 * Cells that must be quoted besides those with a comma or a quote: the ones neutralizedCell
 * prefixed (as OWASP advises), and any line break (csv-stringify quotes only the whole CRLF).
 */
const QUOTED: RegExp[] = [/^'[=+\-@\t\r]/, /[\r\n]/];

/**
 * A table as CSV text (RFC 4180, CRLF after every row) with every cell that a spreadsheet would
 * run as a formula neutralised. csv-stringify's types need Node's, so CSV text is made here and
 * shared/ keeps to tables.
 */
export function writeCsv(table: CsvTable): string {
  return stringify(
    table.map((row) => row.map(neutralizedCell)),
    { record_delimiter: 'windows', quoted_match: QUOTED },
  );
}
