import { z } from 'zod';
import type { CeremonyDefinition } from './ceremony';
import { buildCues, toPublicCeremony } from './cues';
import { CeremonyEventSchema } from './event-schema';
import { EventTypes, type CeremonyEvent } from './events';
import { evolve, initialState, type CeremonyState } from './state';
import { formatPath, type Problem } from './validation';

export const RUN_FILE_FORMAT = 'podium-run';
export const RUN_FILE_SCHEMA_VERSION = 1;
export const RunKinds = { live: 'live', rehearsal: 'rehearsal' } as const;
export type RunKind = (typeof RunKinds)[keyof typeof RunKinds];

/** A recorded run, as exported and imported: the whole log of one run of one ceremony. */
export interface RunFile {
  format: typeof RUN_FILE_FORMAT;
  schemaVersion: typeof RUN_FILE_SCHEMA_VERSION;
  ceremonyId: string;
  runId: string;
  kind: RunKind;
  events: CeremonyEvent[];
}

export function toRunFile(run: { ceremonyId: string; runId: string; kind: RunKind; events: readonly CeremonyEvent[] }): RunFile {
  return { format: RUN_FILE_FORMAT, schemaVersion: RUN_FILE_SCHEMA_VERSION, ceremonyId: run.ceremonyId, runId: run.runId, kind: run.kind, events: [...run.events] };
}

/** A refused run file: the first problem only, since every later event depends on the ones before it. */
export type RunFileResult = { ok: true; value: RunFile; state: CeremonyState } | { ok: false; problem: Problem };

const Header = z.object({
  format: z.literal(RUN_FILE_FORMAT),
  schemaVersion: z.number(),
  ceremonyId: z.string().min(1),
  runId: z.string().min(1).max(200),
  kind: z.enum([RunKinds.live, RunKinds.rehearsal]),
  events: z.array(z.unknown()),
});

const Stamp = z.object({ seq: z.int().min(1), at: z.number().finite(), commandId: z.string().min(1).max(200), actor: z.string().max(200) });

/** A reveal or retraction must name a reveal cue of its category, and that cue's slot. */
function revealMismatch(state: CeremonyState, event: CeremonyEvent): string | null {
  if (event.type !== 'result_revealed' && event.type !== 'reveal_retracted') return null;
  const cue = state.cues.find((c) => c.id === event.cueId);
  if (!cue || cue.kind !== 'reveal') return `${event.type} names "${event.cueId}", which is not a reveal cue of this ceremony`;
  const sameSlot = cue.slot?.kind === event.slot.kind && (event.slot.kind !== 'place' || (cue.slot.kind === 'place' && cue.slot.place === event.slot.place));
  if (cue.categoryId !== event.categoryId || !sameSlot) {
    return `${event.type} of cue "${cue.id}" names another category or slot than the cue's`;
  }
  return null;
}

function firstIssue(path: PropertyKey[], error: z.ZodError): Problem {
  const issue = error.issues[0]!;
  return { path: formatPath([...path, ...issue.path]), message: issue.message };
}

/**
 * Checks an untrusted run file against the ceremony it claims to be a run of, and refuses it at
 * its first problem: the format, another schema version, another ceremony, then each event in
 * order (an unknown type, a duplicate or missing seq, a malformed body or an unknown field, an
 * event that does not follow from the ones before it).
 */
export function parseRunFile(json: unknown, definition: CeremonyDefinition): RunFileResult {
  const fail = (path: PropertyKey[], message: string): RunFileResult => ({ ok: false, problem: { path: formatPath(path), message } });
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail([], `expected a Podium run file (an object with "format": "${RUN_FILE_FORMAT}")`);
  const raw = json as Record<string, unknown>;
  if (raw.format !== RUN_FILE_FORMAT) return fail(['format'], `expected "${RUN_FILE_FORMAT}", got ${JSON.stringify(raw.format) ?? 'nothing'}: this is not a Podium run file`);
  if (raw.schemaVersion !== RUN_FILE_SCHEMA_VERSION) {
    return fail(['schemaVersion'], `expected schema version ${RUN_FILE_SCHEMA_VERSION}, got ${JSON.stringify(raw.schemaVersion) ?? 'nothing'}: this version of Podium cannot read it`);
  }
  const header = Header.safeParse(json);
  if (!header.success) return { ok: false, problem: firstIssue([], header.error) };
  if (header.data.ceremonyId !== definition.id) return fail(['ceremonyId'], `expected a run of "${definition.id}", got a run of "${header.data.ceremonyId}"`);

  let state = initialState(toPublicCeremony(definition), buildCues(definition));
  const events: CeremonyEvent[] = [];
  for (const [i, candidate] of header.data.events.entries()) {
    const path = ['events', i];
    if (typeof candidate !== 'object' || candidate === null) return fail(path, 'expected an event object');
    const type = (candidate as { type?: unknown }).type;
    if (!(EventTypes as readonly unknown[]).includes(type)) return fail([...path, 'type'], `unknown event type ${JSON.stringify(type) ?? 'nothing'}; the types are ${EventTypes.join(', ')}`);
    const stamp = Stamp.safeParse(candidate);
    if (!stamp.success) return { ok: false, problem: firstIssue(path, stamp.error) };
    const { seq } = stamp.data;
    if (seq <= state.seq) return fail([...path, 'seq'], `duplicate seq ${seq}: seq ${seq} came before`);
    if (seq !== state.seq + 1) {
      const missing = seq - 1 === state.seq + 1 ? `event ${seq - 1} is missing` : `events ${state.seq + 1}–${seq - 1} are missing`;
      return fail([...path, 'seq'], `expected seq ${state.seq + 1}, got ${seq}: ${missing}`);
    }
    // Every field of every event, by the schema of the events the decider makes: nothing malformed or extra reaches evolve.
    const parsed = CeremonyEventSchema.safeParse(candidate);
    if (!parsed.success) return { ok: false, problem: firstIssue(path, parsed.error) };
    const event = parsed.data;
    const mismatch = revealMismatch(state, event);
    if (mismatch) return fail(path, mismatch);
    try {
      state = evolve(state, event);
    } catch (error) {
      return fail(path, `this ${type as string} event does not follow from the ones before it: ${error instanceof Error ? error.message : String(error)}`);
    }
    events.push(event);
  }
  return { ok: true, value: { ...header.data, format: RUN_FILE_FORMAT, schemaVersion: RUN_FILE_SCHEMA_VERSION, events }, state };
}
