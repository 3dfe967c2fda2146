import type { Attendance, Recipient } from './ceremony';
import { jalaliIsoDate } from './calendar';
import type { CsvTable } from './csv';
import type { PublicCategory } from './cues';
import { categoryResults, type PlacedRecipient } from './results-view';
import type { CeremonyState } from './state';
import type { Text } from './text';

/**
 * The archive of a run's results: only what was revealed in it (the state holds nothing else),
 * ranked, with the date in both calendars. Everyone gets the same export: the archive is of what
 * happened, so not even an operator can export a result that was never revealed.
 */
export interface ResultsExport {
  format: 'podium-results';
  ceremonyId: string;
  title: Text;
  edition?: Text;
  venue?: Text;
  date: { gregorian: string; jalali: string };
  timeZone: string;
  /** `ended` once the closing cue has started; until then the export holds what is revealed so far. */
  status: 'not_started' | 'in_progress' | 'ended';
  /** The run position the export was taken at. */
  seq: number;
  categories: ExportedCategory[];
}

export interface ExportedResult {
  /** The place (winners of a nominees category are at 1); null for an honourable mention. */
  place: number | null;
  mention: boolean;
  recipient: Recipient;
  score?: number;
  /** Not there to receive it (absent, on behalf, remote), as shown with the reveal (S34). */
  attendance?: Attendance;
}

export interface ExportedCategory {
  id: string;
  kind: PublicCategory['kind'];
  title: Text;
  section?: Text;
  prize?: Text;
  placeCount: number;
  /** Revealed places, best first; ties share a place. */
  results: ExportedResult[];
  /** Revealed honourable mentions. */
  mentions: ExportedResult[];
}

function exported(p: PlacedRecipient): ExportedResult {
  return { place: p.place, mention: p.mention, recipient: p.recipient, ...(p.score !== undefined ? { score: p.score } : {}), ...(p.attendance !== undefined ? { attendance: p.attendance } : {}) };
}

export function runStatus(state: CeremonyState): ResultsExport['status'] {
  if (state.endedAt !== null) return 'ended';
  return state.startedAt === null ? 'not_started' : 'in_progress';
}

export function resultsExport(state: CeremonyState): ResultsExport {
  const c = state.ceremony;
  return {
    format: 'podium-results',
    ceremonyId: c.id,
    title: c.title,
    ...(c.edition ? { edition: c.edition } : {}),
    ...(c.venue ? { venue: c.venue } : {}),
    date: { gregorian: c.date, jalali: jalaliIsoDate(c.date) },
    timeZone: c.timeZone,
    status: runStatus(state),
    seq: state.seq,
    categories: categoryResults(state).map((cat) => ({
      id: cat.id,
      kind: cat.kind,
      title: cat.title,
      ...(cat.section ? { section: cat.section } : {}),
      ...(cat.prize ? { prize: cat.prize } : {}),
      placeCount: cat.placeCount,
      results: cat.results.map(exported),
      mentions: cat.mentions.map(exported),
    })),
  };
}

/** The columns of the results CSV, in order; names shared with the results import mean the same there. */
export const RESULTS_CSV_COLUMNS = [
  'ceremony_id',
  'date_gregorian',
  'date_jalali',
  'category',
  'category_fa',
  'category_en',
  'place',
  'mention',
  'type',
  'name_fa',
  'name_en',
  'entry_fa',
  'entry_en',
  'score',
  /** present (or empty), absent, remote or on_behalf (S34); who accepts in the two next columns. */
  'attendance',
  'accepted_by_fa',
  'accepted_by_en',
] as const;

/**
 * The results CSV as a table (header first), one row per revealed recipient: each category's
 * places best first, then its mentions. ASCII digits throughout. The server writes it as CSV text
 * (server/csv/csv.ts), neutralising cells a spreadsheet would run as a formula.
 */
export function resultsCsvTable(archive: ResultsExport): CsvTable {
  const table: CsvTable = [[...RESULTS_CSV_COLUMNS]];
  for (const cat of archive.categories) {
    for (const r of [...cat.results, ...cat.mentions]) {
      table.push([
        archive.ceremonyId,
        archive.date.gregorian,
        archive.date.jalali,
        cat.id,
        cat.title.fa,
        cat.title.en,
        r.place,
        r.mention ? 'yes' : '',
        r.recipient.type,
        r.recipient.name.fa,
        r.recipient.name.en,
        r.recipient.entry?.fa,
        r.recipient.entry?.en,
        r.score,
        r.attendance?.status,
        r.attendance?.status === 'on_behalf' ? r.attendance.acceptedBy.fa : undefined,
        r.attendance?.status === 'on_behalf' ? r.attendance.acceptedBy.en : undefined,
      ]);
    }
  }
  return table;
}
