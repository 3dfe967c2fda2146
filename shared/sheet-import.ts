/**
 * Spreadsheets in the studio (S32): results, or whole categories with their nominees, from .xlsx or
 * .csv. The server reads a file into tables of cells (server/studio/sheets.ts); what the cells mean
 * is decided here, the same for the API and the studio.
 */
import type { Category, Segment } from './ceremony';
import {
  applyResultRows,
  applyResultsTable,
  categoryRows,
  readTable,
  RESULT_COLUMNS,
  textOf,
  yes,
  type ResultColumn,
  type RowProblem,
  type TableRow,
} from './csv-import';
import type { CsvRow } from './csv';
import { validateDraft, type DraftDefinition } from './studio';
import type { Text } from './text';

/** What a sheet holds: the results of categories that exist, or categories with their nominees. */
export type SheetKind = 'results' | 'categories';
export const SheetKinds = ['results', 'categories'] as const satisfies readonly SheetKind[];

/** One sheet of a workbook (a CSV file is one), its rows of cells as text; row 1 is the header. */
export interface SheetTable {
  name: string;
  rows: string[][];
}

/** The columns of a categories sheet: the category's own, then a results sheet's (but `category`). */
export const CATEGORY_COLUMNS = [
  'category',
  'kind',
  'title_fa',
  'title_en',
  'section_fa',
  'section_en',
  'field_fa',
  'field_en',
  'prize_fa',
  'prize_en',
  ...RESULT_COLUMNS.filter((c) => c !== 'category'),
] as const;
export type CategoryColumn = (typeof CATEGORY_COLUMNS)[number];

/** The columns of a kind of sheet, in the order the templates give them. */
export function sheetColumns(kind: SheetKind): readonly string[] {
  return kind === 'results' ? RESULT_COLUMNS : CATEGORY_COLUMNS;
}

/**
 * A problem of a sheet, on its row (1-based, as the spreadsheet numbers it) and column (the
 * header's name; null for the whole row). `path` is where in the definition it is, for a problem
 * the definition's own check found once the sheet was applied.
 */
export interface SheetProblem {
  row: number;
  column: string | null;
  message: string;
  path?: string;
}

/** One result, nominee or mention a sheet gives a category (names kept apart so that a screen can mask them). */
export interface SheetEntry {
  row: number;
  place?: number;
  nominee?: string;
  winner?: boolean;
  mention?: boolean;
  name: Text;
}

/** What a sheet changes in one category, for the preview. */
export interface SheetChange {
  categoryId: string;
  title: Text;
  kind: 'ranked' | 'nominees';
  /** A category added or replaced whole (categories sheet); its results added or replaced (results sheet). */
  action: 'category-added' | 'category-replaced' | 'results-added' | 'results-replaced';
  /** Places or nominees, and mentions, before and after. */
  before: { entries: number; mentions: number };
  after: { entries: number; mentions: number };
  /** The category was not in the run of show: a category segment is added for it. */
  addedToRunOfShow: boolean;
  entries: SheetEntry[];
}

export interface SheetApplied {
  next: DraftDefinition;
  changes: SheetChange[];
  problems: SheetProblem[];
}

/**
 * Applies a sheet to a draft, all at once or not at all: with any problem, `next` is the draft as
 * it was. A results sheet replaces the results of the categories it names (the rules and messages
 * of the CSV API, shared/csv-import.ts); a categories sheet creates or replaces whole categories,
 * and adds them to the run of show when they are not in it. The draft's own check (validateDraft)
 * runs on the result: a problem it finds that the draft did not have before is the sheet's, marked
 * on the row that made it.
 */
export function applySheet(draft: DraftDefinition, table: SheetTable, kind: SheetKind): SheetApplied {
  const rows = tableRows(table);
  const categories = Array.isArray(draft.categories) ? (draft.categories as Category[]) : [];
  const applied = kind === 'results' ? applyResultsTable(typeof draft.id === 'string' ? draft.id : '', categories, rows) : applyCategoriesTable(categories, rows);
  const header = rows[0]?.cells ?? [];
  if (applied.problems.length > 0) return { next: draft, changes: [], problems: applied.problems.map((p) => sheetProblemOf(p, header)) };

  const inRunOfShow = new Set((Array.isArray(draft.runOfShow) ? draft.runOfShow : []).flatMap((s) => (s.kind === 'category' ? [s.categoryId] : [])));
  const missing = kind === 'categories' ? [...applied.rowsByCategory.keys()].filter((id) => !inRunOfShow.has(id)) : [];
  const next: DraftDefinition = { ...draft, categories: applied.categories, ...(missing.length > 0 ? { runOfShow: withCategorySegments(draft.runOfShow, missing) } : {}) };

  const before = new Set(problemKeys(draft));
  const fresh = problemsOf(next).filter((p) => !before.has(`${p.path}\u0000${p.message}`));
  if (fresh.length > 0) return { next: draft, changes: [], problems: fresh.map((p) => definitionProblemOf(p, next, applied.rowsByCategory)) };

  const changes = [...applied.rowsByCategory].map(([id, rows]) => changeOf(categories.find((c) => c.id === id), applied.categories.find((c) => c.id === id)!, rows, kind, missing.includes(id)));
  return { next, changes, problems: [] };
}

/** The sheet's rows with the spreadsheet's row numbers; blank rows left out (the first kept row is the header). */
function tableRows(table: SheetTable): CsvRow[] {
  const rows: CsvRow[] = [];
  table.rows.forEach((cells, i) => {
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line: i + 1, cells });
  });
  return rows;
}

/** A row problem on the sheet: a header cell's problem (an unknown column) names the column as the header does. */
function sheetProblemOf(p: RowProblem, header: readonly string[]): SheetProblem {
  const column = p.column ?? (p.columnNumber !== undefined ? (header[p.columnNumber - 1] ?? '').trim().toLowerCase() : null);
  return { row: p.line, column, message: p.message };
}

const CATEGORY_TEXTS = ['title', 'section', 'field', 'prize'] as const;

/** Categories from a categories sheet: one row per result or nominee, the category's columns on any of its rows. */
function applyCategoriesTable(categories: readonly Category[], table: readonly CsvRow[]) {
  const problems: RowProblem[] = [];
  const rowsByCategory = new Map<string, TableRow<ResultColumn>[]>();
  const read = readTable(table, CATEGORY_COLUMNS, ['category', 'kind']);
  if (!read.ok) return { categories: [...categories], rowsByCategory, problems: read.problems };

  const groups = new Map<string, TableRow<CategoryColumn>[]>();
  for (const row of read.rows) {
    const id = row.category.trim();
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) {
      problems.push({ line: row.line, column: 'category', message: `expected a category id of lowercase letters, digits and dashes (at most 64), got "${row.category}"` });
      continue;
    }
    const group = groups.get(id) ?? [];
    group.push(row);
    groups.set(id, group);
  }
  const next = [...categories];
  for (const [id, rows] of groups) {
    const kind = sameOnEveryRow(rows, 'kind', problems);
    if (kind !== 'ranked' && kind !== 'nominees') {
      problems.push({ line: rows[0]!.line, column: 'kind', message: `expected "ranked" or "nominees", got "${kind}"` });
      continue;
    }
    const texts: Partial<Record<(typeof CATEGORY_TEXTS)[number], Text>> = {};
    for (const name of CATEGORY_TEXTS) {
      const text = textOf(sameOnEveryRow(rows, `${name}_fa`, problems), sameOnEveryRow(rows, `${name}_en`, problems));
      if (text.fa || text.en) texts[name] = text;
    }
    if (!texts.title) problems.push({ line: rows[0]!.line, column: 'title_fa', message: 'expected a title in title_fa or title_en (or both), got none' });
    const base: Category =
      kind === 'ranked' ? { id, kind, title: texts.title ?? {}, ...texts, results: [] } : { id, kind, title: texts.title ?? {}, ...texts, nominees: [], winners: [] };
    const resultRows = rows.map((r) => ({ ...r, category: id }) as TableRow<ResultColumn>);
    const category = applyResultRows(base, resultRows, problems);
    rowsByCategory.set(id, resultRows);
    const at = next.findIndex((c) => c.id === id);
    if (at === -1) next.push(category);
    else next[at] = category;
  }
  problems.sort((a, b) => a.line - b.line);
  return { categories: next, rowsByCategory, problems };
}

/** A category's column, given on one row or on several alike (a second value is a problem). */
function sameOnEveryRow(rows: readonly TableRow<CategoryColumn>[], column: CategoryColumn, problems: RowProblem[]): string {
  let first: TableRow<CategoryColumn> | null = null;
  for (const row of rows) {
    const value = row[column].trim();
    if (value === '') continue;
    if (!first) first = row;
    else if (value !== first[column].trim()) problems.push({ line: row.line, column, message: `expected the same ${column} as row ${first.line} ("${first[column].trim()}") of this category, got "${value}"` });
  }
  return first ? first[column].trim() : '';
}

/** The run of show with a category segment for each id, before the closing when there is one. */
function withCategorySegments(runOfShow: unknown, ids: readonly string[]): Segment[] {
  const segments = Array.isArray(runOfShow) ? [...(runOfShow as Segment[])] : [];
  const added: Segment[] = ids.map((categoryId) => ({ kind: 'category', categoryId }));
  const closing = segments.findIndex((s) => s.kind === 'closing');
  segments.splice(closing === -1 ? segments.length : closing, 0, ...added);
  return segments;
}

function problemsOf(definition: DraftDefinition) {
  const checked = validateDraft(definition);
  return checked.ok ? [] : checked.problems;
}

function problemKeys(definition: DraftDefinition): string[] {
  return problemsOf(definition).map((p) => `${p.path}\u0000${p.message}`);
}

/** A problem of the definition once the sheet is applied, on the row (and column) that made it. */
function definitionProblemOf(p: { path: string; message: string }, next: DraftDefinition, rowsByCategory: Map<string, TableRow<ResultColumn>[]>): SheetProblem {
  const firstRow = Math.min(...[...rowsByCategory.values()].map((rows) => rows[0]!.line));
  const match = /^categories\[(\d+)\](.*)$/.exec(p.path);
  const category = match ? (next.categories as Category[] | undefined)?.[Number(match[1])] : undefined;
  const rows = category ? rowsByCategory.get(category.id) : undefined;
  if (!match || !rows) return { row: Number.isFinite(firstRow) ? firstRow : 1, column: null, message: p.message, path: p.path };
  const rest = match[2]!;
  const grouped = categoryRows(rows);
  const item = /^\.(results|nominees|mentions|winners)\[(\d+)\](.*)$/.exec(rest);
  if (item) {
    const list = item[1] === 'mentions' ? grouped.mentions : item[1] === 'winners' ? grouped.winners : grouped.places;
    const row = list[Number(item[2])] ?? rows[0]!;
    return { row: row.line, column: item[1] === 'winners' ? 'winner' : columnOf(item[3]!, item[1] === 'nominees'), message: p.message, path: p.path };
  }
  const text = /^\.(title|section|field|prize)(?:\.(fa|en))?/.exec(rest);
  if (text) return { row: rows[0]!.line, column: `${text[1]}_${text[2] ?? 'fa'}`, message: p.message, path: p.path };
  const list = /^\.(results|nominees|winners|mentions)/.exec(rest);
  const column = list ? ({ results: 'place', nominees: 'nominee', winners: 'winner', mentions: 'mention' } as const)[list[1] as 'results'] : 'category';
  return { row: rows[0]!.line, column, message: p.message, path: p.path };
}

/** The column of a place's, nominee's or mention's field (`.recipient.name.en` → name_en). */
function columnOf(rest: string, nominee: boolean): string {
  const recipient = /^\.recipient(?:\.(name|entry|type)(?:\.(fa|en))?)?/.exec(rest);
  if (recipient) return recipient[1] === 'type' ? 'type' : `${recipient[1] ?? 'name'}_${recipient[2] ?? 'fa'}`;
  if (rest.startsWith('.score')) return 'score';
  if (rest.startsWith('.id')) return 'nominee';
  return nominee ? 'nominee' : 'place';
}

function changeOf(old: Category | undefined, category: Category, rows: TableRow<ResultColumn>[], kind: SheetKind, addedToRunOfShow: boolean): SheetChange {
  const count = (c: Category | undefined) => ({ entries: !c ? 0 : c.kind === 'ranked' ? (c.results?.length ?? 0) : (c.nominees?.length ?? 0), mentions: c?.mentions?.length ?? 0 });
  const before = count(old);
  const action =
    kind === 'categories' ? (old ? 'category-replaced' : 'category-added') : before.entries + before.mentions === 0 ? 'results-added' : 'results-replaced';
  const entries = rows.map((r): SheetEntry => {
    const name = textOf(r.name_fa, r.name_en);
    if (yes(r.mention)) return { row: r.line, mention: true, name };
    if (category.kind === 'ranked') return { row: r.line, place: Number(r.place), name };
    return { row: r.line, nominee: r.nominee.trim(), winner: yes(r.winner), name };
  });
  return { categoryId: category.id, title: category.title, kind: category.kind, action, before, after: count(category), addedToRunOfShow, entries };
}
