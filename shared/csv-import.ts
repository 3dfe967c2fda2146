import type { Category, CeremonyDefinition, Recipient } from './ceremony';
import type { CsvRow } from './csv';
import { parseCeremony, type ParseResult, type Problem } from './validation';

/** The columns of a results CSV (docs/ceremony-format.md). */
export const RESULT_COLUMNS = ['category', 'place', 'mention', 'nominee', 'winner', 'type', 'name_fa', 'name_en', 'entry_fa', 'entry_en', 'score'] as const;
const REQUIRED = ['category'] as const;

type Row = Record<(typeof RESULT_COLUMNS)[number], string> & { line: number };

const yes = (s: string) => ['yes', 'y', 'true', '1', 'بله'].includes(s.trim().toLowerCase());

function text(fa: string, en: string) {
  return { ...(fa.trim() ? { fa: fa.trim() } : {}), ...(en.trim() ? { en: en.trim() } : {}) };
}

function recipientOf(row: Row, problems: Problem[]): Recipient | null {
  const name = text(row.name_fa, row.name_en);
  if (!name.fa && !name.en) {
    problems.push({ path: `line ${row.line}`, message: 'expected a name in name_fa or name_en (or both), got none' });
    return null;
  }
  const type = row.type.trim() || 'organization';
  if (type !== 'organization' && type !== 'person') {
    problems.push({ path: `line ${row.line}, column type`, message: `expected "organization" or "person", got "${row.type}"` });
    return null;
  }
  const entry = text(row.entry_fa, row.entry_en);
  return { type, name, ...(entry.fa || entry.en ? { entry } : {}) };
}

function scoreOf(row: Row, problems: Problem[]): { score?: number } {
  if (row.score.trim() === '') return {};
  const score = Number(row.score);
  if (!Number.isFinite(score)) {
    problems.push({ path: `line ${row.line}, column score`, message: `expected a number, got "${row.score}"` });
    return {};
  }
  return { score };
}

function applyRows(category: Category, rows: Row[], problems: Problem[]): Category {
  const mentions = rows.filter((r) => yes(r.mention)).flatMap((r) => {
    const recipient = recipientOf(r, problems);
    return recipient ? [{ recipient, ...scoreOf(r, problems) }] : [];
  });
  const rest = rows.filter((r) => !yes(r.mention));
  // A declared mentions list stays, even empty: its being there is public (it makes the mentions cue).
  const withMentions = { ...(mentions.length > 0 || category.mentions !== undefined ? { mentions } : {}) };
  if (category.kind === 'ranked') {
    const results = rest.flatMap((r) => {
      const place = Number(r.place);
      if (r.place.trim() === '' || !Number.isInteger(place) || place < 1) {
        problems.push({ path: `line ${r.line}, column place`, message: `expected a whole number ≥ 1, got "${r.place}"` });
        return [];
      }
      const recipient = recipientOf(r, problems);
      return recipient ? [{ place, recipient, ...scoreOf(r, problems) }] : [];
    });
    const { mentions: _old, ...base } = category;
    return { ...base, ...withMentions, results };
  }
  const nominees = rest.flatMap((r) => {
    const id = r.nominee.trim();
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) {
      problems.push({ path: `line ${r.line}, column nominee`, message: `expected a nominee id of lowercase letters, digits and dashes, got "${r.nominee}"` });
      return [];
    }
    const recipient = recipientOf(r, problems);
    return recipient ? [{ id, recipient, ...scoreOf(r, problems) }] : [];
  });
  const winners = rest.filter((r) => yes(r.winner)).map((r) => r.nominee.trim());
  const { mentions: _old, ...base } = category;
  return { ...base, ...withMentions, nominees, winners };
}

/**
 * Replaces the results of the categories a CSV names, from its rows as read (server/csv/csv.ts). Every
 * problem is listed, by line and column first, then by the path in the definition; on any problem
 * nothing changes. Linear in the rows: each row is looked at once, and grouped by a push.
 */
export function importResultsRows(definition: CeremonyDefinition, table: readonly CsvRow[]): ParseResult<CeremonyDefinition> {
  const header = (table[0]?.cells ?? []).map((h) => h.trim().toLowerCase());
  const problems: Problem[] = [];
  for (const col of REQUIRED) if (!header.includes(col)) problems.push({ path: 'line 1', message: `expected a header with a "${col}" column, got ${JSON.stringify(header.join(','))}` });
  header.forEach((h, i) => {
    if (!(RESULT_COLUMNS as readonly string[]).includes(h)) problems.push({ path: `line ${table[0]!.line}, column ${i + 1}`, message: `unknown column "${h}"; the columns are ${RESULT_COLUMNS.join(', ')}` });
  });
  if (problems.length > 0) return { ok: false, problems };

  const columnIndex = RESULT_COLUMNS.map((col) => header.indexOf(col));
  const rows: Row[] = table.slice(1).map(({ line, cells }) => {
    const row = { line } as Row;
    RESULT_COLUMNS.forEach((col, c) => (row[col] = cells[columnIndex[c]!] ?? ''));
    return row;
  });
  if (rows.length === 0) return { ok: false, problems: [{ path: 'line 2', message: 'expected at least one result row, got none' }] };

  const byCategory = new Map<string, Row[]>(definition.categories.map((c) => [c.id, []]));
  for (const row of rows) {
    const group = byCategory.get(row.category.trim());
    if (group) group.push(row);
    else problems.push({ path: `line ${row.line}, column category`, message: `expected the id of a category of "${definition.id}" (${definition.categories.map((c) => c.id).join(', ')}), got "${row.category}"` });
  }
  const categories = definition.categories.map((c) => (byCategory.get(c.id)!.length > 0 ? applyRows(c, byCategory.get(c.id)!, problems) : c));
  if (problems.length > 0) return { ok: false, problems };
  return parseCeremony({ ...definition, categories });
}
