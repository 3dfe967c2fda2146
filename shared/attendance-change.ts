import { z } from 'zod';
import { AttendanceSchema, type Attendance, type Category, type CeremonyDefinition } from './ceremony';
import { canonicalJson } from './canonical-json';
import { publicNominees, type RevealSlot } from './cues';
import { ErrorCodes, podiumError, type PodiumError } from './errors';
import type { DefinitionPublished } from './definition-change';
import type { CeremonyState } from './state';
import { formatProblems, problemsFromZod } from './validation';

/**
 * A live change of one recipient's attendance (docs/spec.md S34): `POST …/attendance`.
 * `recipientIndex` is the recipient's position in the cue's entries as the console's preview lists
 * them (`entriesForSlot`); `version`, when given, is the definition version that preview was made
 * for, so an index is never applied to another version's list.
 */
export const AttendanceRequestSchema = z
  .object({
    cueId: z.string().min(1).max(64),
    recipientIndex: z.int().min(0).max(99),
    attendance: AttendanceSchema,
    version: z.int().min(1).optional(),
  })
  .strict();
export type AttendanceRequest = z.infer<typeof AttendanceRequestSchema>;

/** The request read from a body, or why not (every problem listed, S9). */
export function parseAttendanceRequest(body: unknown): { ok: true; value: AttendanceRequest } | { ok: false; error: PodiumError } {
  const parsed = AttendanceRequestSchema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: podiumError(
      ErrorCodes.invalidMessage,
      `Send {"cueId", "recipientIndex", "attendance": {"status": "present" | "absent" | "remote"} or {"status": "on_behalf", "acceptedBy": {"fa", "en"}}}:\n${formatProblems(problemsFromZod(parsed.error.issues))}`,
    ),
  };
}

/** The definition with one recipient's attendance changed, and the event that publishes it; or why not. */
export type AttendanceChange =
  | { ok: true; definition: CeremonyDefinition; event: Omit<DefinitionPublished, 'version' | 'hash'> }
  | { ok: false; error: PodiumError };

/**
 * Whether the attendance may change now: the cue is a reveal of this run not yet revealed (once
 * revealed, screens have shown it: `already_revealed`), the index names one of its recipients.
 * Nothing public changes (attendance is in neither the public ceremony nor the cues), so the event
 * is small, needs no confirmation nor second key (it withdraws nothing), and is no correction.
 */
export function decideAttendanceChange(state: CeremonyState, current: CeremonyDefinition, request: AttendanceRequest): AttendanceChange {
  const refuse = (error: PodiumError): AttendanceChange => ({ ok: false, error });
  if (request.version !== undefined && request.version !== state.version) {
    return refuse(podiumError(ErrorCodes.definitionChanged, `The definition is at version ${state.version} now, not ${request.version}: look at the new preview, then set the attendance again.`));
  }
  const cue = state.cues.find((c) => c.id === request.cueId);
  if (!cue) return refuse(podiumError(ErrorCodes.unknownCue, `The run of show has no cue "${request.cueId}".`));
  if (cue.kind !== 'reveal' || !cue.slot || !cue.categoryId) return refuse(podiumError(ErrorCodes.notARevealCue, `Cue "${cue.id}" reveals no one: attendance belongs to a reveal's recipients.`));
  if ((state.results[cue.categoryId] ?? []).some((r) => r.cueId === cue.id)) {
    return refuse(podiumError(ErrorCodes.alreadyRevealed, `Cue "${cue.id}" has been revealed: the screens have shown it, its attendance can no longer change. Nothing was changed.`));
  }
  const index = current.categories.findIndex((c) => c.id === cue.categoryId);
  const category = current.categories[index];
  if (!category) return refuse(podiumError(ErrorCodes.unknownCue, `Cue "${cue.id}" names no category of the definition.`));
  const changed = withEntryAttendance(category, cue.slot, request.recipientIndex, request.attendance);
  if (!changed) return refuse(podiumError(ErrorCodes.invalidMessage, `Cue "${cue.id}" has no recipient ${request.recipientIndex} (counted from 0, in the preview's order). Nothing was changed.`));
  if (canonicalJson(changed) === canonicalJson(category)) return refuse(podiumError(ErrorCodes.alreadyDone, 'That is already the attendance of this recipient: nothing was changed.'));
  const categories = current.categories.map((c, i) => (i === index ? changed : c));
  return { ok: true, definition: { ...current, categories }, event: { type: 'definition_published', attendance: { cueId: cue.id } } };
}

/** The category with the attendance of the reveal's `index`-th entry (as entriesForSlot lists them) set; null when there is none. */
export function withEntryAttendance(category: Category, slot: RevealSlot, index: number, attendance: Attendance): Category | null {
  const set = <T extends { attendance?: Attendance | undefined }>(entry: T): T => {
    const { attendance: _old, ...rest } = entry;
    return (attendance.status === 'present' ? rest : { ...rest, attendance }) as T;
  };
  switch (slot.kind) {
    case 'mentions': {
      const mentions = category.mentions ?? [];
      if (index >= mentions.length) return null;
      return { ...category, mentions: mentions.map((m, i) => (i === index ? set(m) : m)) };
    }
    case 'place': {
      if (category.kind !== 'ranked') return null;
      const at = category.results.map((r, i) => ({ r, i })).filter(({ r }) => r.place === slot.place)[index]?.i;
      if (at === undefined) return null;
      return { ...category, results: category.results.map((r, i) => (i === at ? set(r) : r)) };
    }
    case 'winner': {
      if (category.kind !== 'nominees') return null;
      const id = publicNominees(category).filter(({ nominee }) => category.winners.includes(nominee.id))[index]?.nominee.id;
      if (id === undefined) return null;
      return { ...category, nominees: category.nominees.map((n) => (n.id === id ? set(n) : n)) };
    }
    default: {
      const never: never = slot;
      throw new Error(`unknown slot ${JSON.stringify(never)}`);
    }
  }
}
