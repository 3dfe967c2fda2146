import type { Category, CeremonyDefinition, Recipient } from './ceremony';
import type { CsvRow } from './csv';
import { parseCeremony, type ParseResult, type Problem } from './validation';

/** The columns of a results CSV (docs/ceremony-format.md). */
export const RESULT_COLUMNS = ['category', 'place', 'mention', 'nominee', 'winner', 'type', 'name_fa', 'name_en', 'entry_fa', 'entry_en', 'score'] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

/**
 * A problem of one row of a table (a CSV line, a spreadsheet row), by the column's name, or by its
 * number for a header cell that names no column. The CSV API says it as a path (`line 2, column
 * place`), the studio marks the cell.
 */
export interface RowProblem {
  line: number;
  column?: string;
  columnNumber?: number;
  message: string;
}

/** A row of a table read by its header: each known column's cell ('' when absent), and its line. */
export type TableRow<C extends string> = Record<C, string> & { line: number };

/** The groups of rows that made each list of a category, in order: a definition problem at `results[2]` is the third place row. */
export interface CategoryRows {
  all: TableRow<ResultColumn>[];
  places: TableRow<ResultColumn>[];
  mentions: TableRow<ResultColumn>[];
  winners: TableRow<ResultColumn>[];
}

/** A row problem as the CSV API lists it. */
export function rowProblemPath(problem: RowProblem): string {
  const column = problem.columnNumber !== undefined ? `, column ${problem.columnNumber}` : problem.column !== undefined ? `, column ${problem.column}` : '';
  return `line ${problem.line}${column}`;
}

export const yes = (s: string) => ['yes', 'y', 'true', '1', 'بله'].includes(s.trim().toLowerCase());

export function textOf(fa: string, en: string) {
  return { ...(fa.trim() ? { fa: fa.trim() } : {}), ...(en.trim() ? { en: en.trim() } : {}) };
}

/**
 * The rows of a table by its header (the first row; names in any order and case). Every problem of
 * the header is listed: a required column missing, a column that is not one of `columns`.
 */
export function readTable<C extends string>(
  table: readonly CsvRow[],
  columns: readonly C[],
  required: readonly C[],
): { ok: true; rows: TableRow<C>[] } | { ok: false; problems: RowProblem[] } {
  const header = (table[0]?.cells ?? []).map((h) => h.trim().toLowerCase());
  const problems: RowProblem[] = [];
  for (const col of required) if (!header.includes(col)) problems.push({ line: 1, message: `expected a header with a "${col}" column, got ${JSON.stringify(header.join(','))}` });
  header.forEach((h, i) => {
    if (!(columns as readonly string[]).includes(h)) problems.push({ line: table[0]!.line, columnNumber: i + 1, message: `unknown column "${h}"; the columns are ${columns.join(', ')}` });
  });
  if (problems.length > 0) return { ok: false, problems };
  const columnIndex = columns.map((col) => header.indexOf(col));
  const rows = table.slice(1).map(({ line, cells }) => {
    const row = { line } as TableRow<C>;
    columns.forEach((col, c) => ((row as Record<string, string>)[col] = cells[columnIndex[c]!] ?? ''));
    return row;
  });
  if (rows.length === 0) return { ok: false, problems: [{ line: 2, message: 'expected at least one result row, got none' }] };
  return { ok: true, rows };
}

function recipientOf(row: TableRow<ResultColumn>, problems: RowProblem[]): Recipient | null {
  const name = textOf(row.name_fa, row.name_en);
  if (!name.fa && !name.en) {
    problems.push({ line: row.line, message: 'expected a name in name_fa or name_en (or both), got none' });
    return null;
  }
  const type = row.type.trim() || 'organization';
  if (type !== 'organization' && type !== 'person') {
    problems.push({ line: row.line, column: 'type', message: `expected "organization" or "person", got "${row.type}"` });
    return null;
  }
  const entry = textOf(row.entry_fa, row.entry_en);
  return { type, name, ...(entry.fa || entry.en ? { entry } : {}) };
}

function scoreOf(row: TableRow<ResultColumn>, problems: RowProblem[]): { score?: number } {
  if (row.score.trim() === '') return {};
  const score = Number(row.score);
  if (!Number.isFinite(score)) {
    problems.push({ line: row.line, column: 'score', message: `expected a number, got "${row.score}"` });
    return {};
  }
  return { score };
}

/** Which rows of a category make its places (or nominees), mentions and winners. */
export function categoryRows(rows: TableRow<ResultColumn>[]): CategoryRows {
  const places = rows.filter((r) => !yes(r.mention));
  return { all: rows, places, mentions: rows.filter((r) => yes(r.mention)), winners: places.filter((r) => yes(r.winner)) };
}

/** A category with its results (places or nominees and winners, and mentions) replaced by those of its rows. */
export function applyResultRows(category: Category, rows: TableRow<ResultColumn>[], problems: RowProblem[]): Category {
  const grouped = categoryRows(rows);
  const mentions = grouped.mentions.flatMap((r) => {
    const recipient = recipientOf(r, problems);
    return recipient ? [{ recipient, ...scoreOf(r, problems) }] : [];
  });
  // A declared mentions list stays, even empty: its being there is public (it makes the mentions cue).
  const withMentions = { ...(mentions.length > 0 || category.mentions !== undefined ? { mentions } : {}) };
  if (category.kind === 'ranked') {
    const results = grouped.places.flatMap((r) => {
      const place = Number(r.place);
      if (r.place.trim() === '' || !Number.isInteger(place) || place < 1) {
        problems.push({ line: r.line, column: 'place', message: `expected a whole number ≥ 1, got "${r.place}"` });
        return [];
      }
      const recipient = recipientOf(r, problems);
      return recipient ? [{ place, recipient, ...scoreOf(r, problems) }] : [];
    });
    const { mentions: _old, ...base } = category;
    return { ...base, ...withMentions, results };
  }
  const nominees = grouped.places.flatMap((r) => {
    const id = r.nominee.trim();
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) {
      problems.push({ line: r.line, column: 'nominee', message: `expected a nominee id of lowercase letters, digits and dashes, got "${r.nominee}"` });
      return [];
    }
    const recipient = recipientOf(r, problems);
    return recipient ? [{ id, recipient, ...scoreOf(r, problems) }] : [];
  });
  const winners = grouped.winners.map((r) => r.nominee.trim());
  const { mentions: _old, ...base } = category;
  return { ...base, ...withMentions, nominees, winners };
}

/** The categories with the results of the rows applied (every row looked at once), and the rows of each category named. */
export interface AppliedResults {
  categories: Category[];
  rowsByCategory: Map<string, TableRow<ResultColumn>[]>;
  problems: RowProblem[];
}

/**
 * Replaces the results of the categories a table names, from its rows (header first). Every row
 * problem is listed, those of the category column first. Linear in the rows: each row is looked at
 * once, and grouped by a push.
 */
export function applyResultsTable(ceremonyId: string, categories: readonly Category[], table: readonly CsvRow[]): AppliedResults {
  const read = readTable(table, RESULT_COLUMNS, ['category']);
  if (!read.ok) return { categories: [...categories], rowsByCategory: new Map(), problems: read.problems };
  const problems: RowProblem[] = [];
  const byCategory = new Map<string, TableRow<ResultColumn>[]>(categories.map((c) => [c.id, []]));
  for (const row of read.rows) {
    const group = byCategory.get(row.category.trim());
    if (group) group.push(row);
    else problems.push({ line: row.line, column: 'category', message: `expected the id of a category of "${ceremonyId}" (${categories.map((c) => c.id).join(', ')}), got "${row.category}"` });
  }
  const next = categories.map((c) => (byCategory.get(c.id)!.length > 0 ? applyResultRows(c, byCategory.get(c.id)!, problems) : c));
  for (const [id, rows] of byCategory) if (rows.length === 0) byCategory.delete(id);
  return { categories: next, rowsByCategory: byCategory, problems };
}

/**
 * Replaces the results of the categories a CSV names, from its rows as read (server/csv/csv.ts). Every
 * problem is listed, by line and column first, then by the path in the definition; on any problem
 * nothing changes.
 */
export function importResultsRows(definition: CeremonyDefinition, table: readonly CsvRow[]): ParseResult<CeremonyDefinition> {
  const applied = applyResultsTable(definition.id, definition.categories, table);
  if (applied.problems.length > 0) return { ok: false, problems: applied.problems.map((p): Problem => ({ path: rowProblemPath(p), message: p.message })) };
  return parseCeremony({ ...definition, categories: applied.categories });
}
