/** A small RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF or LF, a leading BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** A CSV as rows of cells; a missing value is an empty cell. Read and written as text by server/csv.ts. */
export type CsvCell = string | number | null | undefined;
export type CsvTable = CsvCell[][];

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
