import { canonicalJson } from './canonical-json';
import type { CeremonyDefinition } from './ceremony';
import { buildCues, toPublicCeremony } from './cues';
import { ErrorCodes, podiumError, type PodiumError } from './errors';
import type { EventBody } from './events';
import { pickText } from './text';
import type { CeremonyState } from './state';

export type DefinitionPublished = Extract<EventBody, { type: 'definition_published' }>;
/** The event a change makes, but for the version number and hash the store gives it once kept. */
export type DefinitionChange = { ok: true; event: Omit<DefinitionPublished, 'version' | 'hash'> } | { ok: false; error: PodiumError };

export interface ChangeOptions {
  /** The organizers ask for a results correction (needed once the run has begun). */
  correction: boolean;
  /** A correction needs an explicit confirmation, like retract and jump. */
  confirm: boolean;
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Whether a run may move to a new version of its definition, and the event that moves it.
 * Before the run begins (no cue started) any valid definition may replace the one it has. Once it
 * has begun, only a confirmed results correction: the public part (titles, cues) unchanged, and
 * every category it changes with no standing reveal (a revealed result is withdrawn by retract).
 */
export function decideDefinitionChange(
  state: CeremonyState,
  current: CeremonyDefinition,
  next: CeremonyDefinition,
  options: ChangeOptions,
): DefinitionChange {
  const refuse = (error: PodiumError): DefinitionChange => ({ ok: false, error });
  const ceremony = toPublicCeremony(next);
  const cues = buildCues(next);
  const ceremonyUnchanged = same(ceremony, state.ceremony);
  const cuesUnchanged = same(cues, state.cues);
  // What the screens show goes into the event only when it changed: a correction is small.
  const event = { type: 'definition_published' as const, ...(ceremonyUnchanged ? {} : { ceremony }), ...(cuesUnchanged ? {} : { cues }) };
  if (state.startedAt === null) return { ok: true, event };

  if (!options.correction) {
    return refuse(
      podiumError(
        ErrorCodes.conflict,
        'The live run has begun: its definition can no longer change. Results of categories not yet revealed can change by a results correction (?correction=true&confirm=true).',
      ),
    );
  }
  if (!options.confirm) return refuse(podiumError(ErrorCodes.confirmationRequired, 'A results correction during the live run needs confirm=true: the console will announce it.'));
  if (!ceremonyUnchanged || !cuesUnchanged) {
    return refuse(podiumError(ErrorCodes.conflict, 'A results correction may change results only: this one changes what the screens show (titles, categories or the run of show).'));
  }
  const changed = next.categories.filter((category) => !same(category, current.categories.find((c) => c.id === category.id)));
  if (changed.length === 0) return refuse(podiumError(ErrorCodes.conflict, 'This correction changes no result.'));
  const revealed = changed.filter((c) => (state.results[c.id]?.length ?? 0) > 0);
  if (revealed.length > 0) {
    const names = revealed.map((c) => `"${c.id}" (${pickText(c.title, 'en')})`).join(', ');
    return refuse(podiumError(ErrorCodes.alreadyRevealed, `Results of ${names} have been revealed: retract the reveal first, then correct. Nothing was changed.`));
  }
  return { ok: true, event: { ...event, correction: { categoryIds: changed.map((c) => c.id) } } };
}
