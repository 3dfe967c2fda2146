import { Worker } from 'node:worker_threads';
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { SheetTable } from '../../shared/sheet-import';
import { readCsv } from '../csv/csv';

/** The two kinds of file the studio reads (POST /api/studio/sheets). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv';
export type SheetFileType = typeof XLSX_TYPE | typeof CSV_TYPE;

/** The biggest file taken, and the most rows and columns of a sheet (the most results a ceremony holds is 20,000). */
export const MAX_SHEET_BYTES = 10 * 1024 * 1024;
export const MAX_SHEET_ROWS = 30_000;
export const MAX_SHEET_COLUMNS = 60;

/**
 * Below these sizes a file is read on the event loop: faster than starting a worker (about a
 * second under tsx). An xlsx is compressed about tenfold, so its bound is lower.
 */
export const INLINE_BYTES: Record<SheetFileType, number> = { [XLSX_TYPE]: 16 * 1024, [CSV_TYPE]: 64 * 1024 };

/** A file read: its tables, already as the JSON the API answers (`{ tables }`), or why it could not be read. */
export type SheetRead = { ok: true; json: string } | { ok: false; message: string };

/** Reads a workbook or a CSV into its tables of cells as text. */
export async function readSheetFile(type: SheetFileType, bytes: Uint8Array): Promise<SheetRead> {
  const read = type === XLSX_TYPE ? await readXlsx(bytes) : readCsvSheet(bytes);
  if (!read.ok) return read;
  const tooBig = read.tables.find((t) => t.rows.length > MAX_SHEET_ROWS || t.rows.some((r) => r.length > MAX_SHEET_COLUMNS));
  if (tooBig) return { ok: false, message: `The sheet "${tooBig.name}" is too large: at most ${MAX_SHEET_ROWS} rows of ${MAX_SHEET_COLUMNS} columns.` };
  return { ok: true, json: JSON.stringify({ tables: read.tables }) };
}

/** The same, in a worker thread for a file above INLINE_BYTES, so that a big sheet never stalls a screen's heartbeat. */
export function readSheetFileOffLoop(type: SheetFileType, bytes: Uint8Array): Promise<SheetRead> {
  if (bytes.byteLength < INLINE_BYTES[type]) return readSheetFile(type, bytes);
  return new Promise((resolve, reject) => {
    // A plain-JS entry that loads the TypeScript worker through tsx, under `tsx` and under vitest alike.
    const worker = new Worker(new URL('./sheet-worker.mjs', import.meta.url), { workerData: { type, bytes } });
    worker.once('message', (read: SheetRead) => {
      resolve(read);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the sheet reading worker stopped (exit code ${code}) before answering`)));
  });
}

type TablesRead = { ok: true; tables: SheetTable[] } | { ok: false; message: string };

async function readXlsx(bytes: Uint8Array): Promise<TablesRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, message: `The file is not a workbook Podium can read (.xlsx, as Excel, LibreOffice or Google Sheets save it): ${error instanceof Error ? error.message : String(error)}` };
  }
  const tables = workbook.worksheets.map((sheet): SheetTable => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      rows[number - 1] = cells;
    });
    // Blank rows stay (as no cells), so that a row's number is the spreadsheet's.
    return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []) };
  });
  return { ok: true, tables };
}

/** A cell as the text it shows: numbers as written, dates as YYYY-MM-DD, a formula as its result. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}

function readCsvSheet(bytes: Uint8Array): TablesRead {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'The CSV is not UTF-8 text: in Excel, save it as "CSV UTF-8 (Comma delimited)".' };
  }
  try {
    // Blank lines are kept (as rows with no cells): a row's number is the one a spreadsheet shows.
    const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    return { ok: true, tables: [{ name: 'CSV', rows: rows.map((r) => (r.length === 1 && r[0] === '' ? [] : r)) }] };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The CSV API's reader says where and why, in its own words.
    const read = readCsv(text);
    return { ok: false, message: read.ok ? `The CSV could not be read: ${error.message}` : `The CSV could not be read: ${read.problem.path}: ${read.problem.message}` };
  }
}
