/**
 * The runs of a ceremony: one live run, and any number of rehearsals, each an isolated stream of
 * events with its own screens. Run ids appear in links (`?run=rehearsal-2`).
 */
export const LIVE_RUN_ID = 'live';
export const RUN_ID_PATTERN = /^(live|rehearsal-[1-9][0-9]{0,5}|import-[1-9][0-9]{0,5})$/;
/**
 * A replay room's id: screens join it as a run (`?run=replay-…`), but it only plays a recorded run.
 * Random (80 bits, made by the server), never a counter: rooms live in one process's memory, and a
 * counter restarting at 1 gave an old link (with its key, which depends on the id) a new room.
 */
export const REPLAY_ID_PATTERN = /^replay-[0-9a-f]{20}$/;
/** What a screen may name in `runId`. */
export const SCREEN_RUN_ID_PATTERN = /^(live|rehearsal-[1-9][0-9]{0,5}|import-[1-9][0-9]{0,5}|replay-[0-9a-f]{20})$/;

/** Live; a rehearsal; or a recorded run imported from a run file (read-only: for replays). */
export type RunRef = { kind: 'live' } | { kind: 'rehearsal' | 'import'; number: number };

export function parseRunId(runId: string): RunRef | null {
  if (!RUN_ID_PATTERN.test(runId)) return null;
  if (runId === LIVE_RUN_ID) return { kind: 'live' };
  const [kind, number] = runId.split('-') as ['rehearsal' | 'import', string];
  return { kind, number: Number(number) };
}

export function runIdOf(ref: RunRef): string {
  return ref.kind === 'live' ? LIVE_RUN_ID : `${ref.kind}-${ref.number}`;
}

export function rehearsalRunId(number: number): string {
  return runIdOf({ kind: 'rehearsal', number });
}

/** The log stream of a run: runs of different ceremonies, or of one ceremony, never share one. */
export function streamIdOf(ceremonyId: string, ref: RunRef): string {
  return ref.kind === 'live' ? `live:${ceremonyId}` : `${ref.kind}:${ceremonyId}:${ref.number}`;
}

/** A run as the operator's list shows it. */
export interface RunSummary {
  runId: string;
  kind: 'live' | 'rehearsal';
  /** Imported from a run file: a record to replay, not to run. */
  imported: boolean;
  realResults: boolean;
  seq: number;
  startedAt: number | null;
  endedAt: number | null;
}
