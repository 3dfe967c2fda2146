import type { z } from 'zod';
import { CeremonySchema, type CeremonyDefinition } from './ceremony';
import { contrastMessage, themeContrastFailures } from './contrast';
import { placeCount } from './cues';

/** One problem with a definition: where it is, and what is wrong, in words a person can act on. */
export interface Problem {
  path: string;
  message: string;
  /** A stable code for a problem a page acts on by kind (only `low_contrast` so far). */
  code?: 'low_contrast';
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** `categories[0].results[2].place` from ['categories', 0, 'results', 2, 'place']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return `a ${typeof value} that cannot be shown`; // nested too deep, or cyclic
  }
  if (json === undefined) return typeof value;
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

export function problemsFromZod(issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => {
    const got = 'input' in issue ? `, got ${describeValue(issue.input)}` : '';
    const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` : `${issue.message}${got}`;
    return { path: formatPath(issue.path), message };
  });
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The time zone rule; the studio checks it as it is typed too, before the rest of the draft is valid. */
export function timeZoneProblem(timeZone: unknown): Problem | null {
  if (typeof timeZone === 'string' && isTimeZone(timeZone)) return null;
  return { path: 'timeZone', message: `expected an IANA time zone such as "Asia/Tehran", got ${describeValue(timeZone)}` };
}

function duplicates(values: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return dup;
}

/** A theme's colours below WCAG AA (shared/contrast.ts), each at the field to change. */
export function themeProblems(theme: CeremonyDefinition['theme']): Problem[] {
  return themeContrastFailures(theme).map((f) => ({ path: formatPath(['theme', f.field]), message: contrastMessage(f), code: 'low_contrast' as const }));
}

/** Rules a JSON Schema cannot say: references, uniqueness, reveal orders, a theme's contrast. */
function crossCheck(def: CeremonyDefinition): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PropertyKey[], message: string) => problems.push({ path: formatPath(path), message });

  const zone = timeZoneProblem(def.timeZone);
  if (zone) problems.push(zone);
  problems.push(...themeProblems(def.theme));

  const categoryIds = def.categories.map((c) => c.id);
  const dupCategories = duplicates(categoryIds);
  def.categories.forEach((c, i) => dupCategories.has(c.id) && add(['categories', i, 'id'], `duplicate category id "${c.id}"`));

  const segmentIds = def.runOfShow.map((s) => (s.kind === 'category' ? `category:${s.categoryId}` : s.id));
  const dupSegments = duplicates(segmentIds);
  def.runOfShow.forEach((s, i) => {
    if (dupSegments.has(segmentIds[i]!)) {
      add(['runOfShow', i], s.kind === 'category' ? `category "${s.categoryId}" appears twice in the run of show` : `duplicate segment id "${s.id}"`);
    }
    if (s.kind === 'category' && !categoryIds.includes(s.categoryId)) {
      add(['runOfShow', i, 'categoryId'], `expected the id of a category in "categories", got "${s.categoryId}"`);
    }
  });
  def.categories.forEach((c, i) => {
    if (!def.runOfShow.some((s) => s.kind === 'category' && s.categoryId === c.id)) {
      add(['categories', i], `category "${c.id}" is not in the run of show (add {"kind": "category", "categoryId": "${c.id}"})`);
    }
  });

  const orgIds = def.organizations?.map((o) => o.id);
  if (orgIds) {
    const dupOrgs = duplicates(orgIds);
    def.organizations!.forEach((o, i) => dupOrgs.has(o.id) && add(['organizations', i, 'id'], `duplicate organization id "${o.id}"`));
  }
  const checkOrg = (path: PropertyKey[], orgId: string | undefined) => {
    if (orgId !== undefined && orgIds && !orgIds.includes(orgId)) add(path, `expected the id of an organization in "organizations", got "${orgId}"`);
  };

  def.categories.forEach((c, i) => {
    c.mentions?.forEach((m, j) => checkOrg(['categories', i, 'mentions', j, 'recipient', 'organizationId'], m.recipient.organizationId));
    if (c.kind === 'ranked') {
      c.results.forEach((r, j) => checkOrg(['categories', i, 'results', j, 'recipient', 'organizationId'], r.recipient.organizationId));
      // The places are public (placeCount); the results must fit in them.
      const count = placeCount(c);
      c.results.forEach((r, j) => {
        if (r.place > count) add(['categories', i, 'results', j, 'place'], `expected a place from 1 to ${count} (the category's placeCount or the length of its revealOrder), got ${r.place}`);
      });
      if (Array.isArray(c.revealOrder)) {
        const order = [...c.revealOrder].sort((a, b) => a - b);
        if (order.length !== count || order.some((p, k) => p !== k + 1)) {
          add(['categories', i, 'revealOrder'], `expected each place from 1 to ${count} once, got ${describeValue(c.revealOrder)}`);
        }
      }
    } else {
      const ids = c.nominees.map((n) => n.id);
      const dupNominees = duplicates(ids);
      c.nominees.forEach((n, j) => {
        if (dupNominees.has(n.id)) add(['categories', i, 'nominees', j, 'id'], `duplicate nominee id "${n.id}"`);
        checkOrg(['categories', i, 'nominees', j, 'recipient', 'organizationId'], n.recipient.organizationId);
      });
      c.winners.forEach((w, j) => {
        if (!ids.includes(w)) add(['categories', i, 'winners', j], `expected the id of a nominee of this category, got "${w}"`);
      });
      if (duplicates(c.winners).size > 0) add(['categories', i, 'winners'], 'a winner is listed twice');
      if (c.displayOrder) {
        const order = [...c.displayOrder].sort();
        const sortedIds = [...ids].sort();
        if (order.length !== sortedIds.length || order.some((id, k) => id !== sortedIds[k])) {
          add(['categories', i, 'displayOrder'], `expected every nominee id once (${sortedIds.join(', ')}), got ${describeValue(c.displayOrder)}`);
        }
      }
    }
  });
  return problems;
}

/** Validates an untrusted ceremony definition; every problem is listed. */
export function parseCeremony(input: unknown): ParseResult<CeremonyDefinition> {
  const parsed = CeremonySchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error.issues) };
  const problems = crossCheck(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}
