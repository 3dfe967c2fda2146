import type { CeremonyDefinition } from './ceremony';
import type { Command } from './commands';
import { entriesForSlot } from './cues';
import { standingAnnouncement } from './announcements';
import { ErrorCodes, podiumError, type PodiumError } from './errors';
import type { EventBody } from './events';
import { pickText } from './text';
import { nextCue, type CeremonyState } from './state';

export type Decision = { ok: true; events: EventBody[] } | { ok: false; error: PodiumError };

const refuse = (error: PodiumError): Decision => ({ ok: false, error });
const accept = (...events: EventBody[]): Decision => ({ ok: true, events });

function cueName(state: CeremonyState, cueId: string | null | undefined): string {
  const cue = state.cues.find((c) => c.id === cueId);
  return cue ? `"${cue.id}" (${pickText(cue.label, 'en')})` : 'none';
}

/**
 * Decides what a command does to a run: events to append, or a refusal with a stable code.
 * Pure: it reads the definition (the secret results) but adds to the events only what a reveal
 * makes public.
 */
export function decide(state: CeremonyState, command: Command, definition: CeremonyDefinition): Decision {
  switch (command.type) {
    case 'go': {
      if (state.hold) return refuse(podiumError(ErrorCodes.onHold, 'The ceremony is on hold: resume before GO.'));
      const cue = nextCue(state);
      if (!cue) return refuse(podiumError(ErrorCodes.noNextCue, 'The run of show is finished: there is no next cue.', { nextCueId: null }));
      if (cue.id !== command.expectedCue) {
        return refuse(
          podiumError(ErrorCodes.cueMismatch, `GO was for ${cueName(state, command.expectedCue)}, but the next cue is now ${cueName(state, cue.id)}. Nothing was done.`, {
            nextCueId: cue.id,
          }),
        );
      }
      if (command.version !== undefined && command.version !== state.version) {
        return refuse(
          podiumError(
            ErrorCodes.definitionChanged,
            `The results changed since your console showed this cue (version ${command.version}, now ${state.version}): look at the new preview and press GO again. Nothing was done.`,
            { nextCueId: cue.id },
          ),
        );
      }
      if (cue.kind === 'reveal' && cue.slot && cue.categoryId) {
        const category = definition.categories.find((c) => c.id === cue.categoryId);
        if (!category) return refuse(podiumError(ErrorCodes.internal, `The definition has no category "${cue.categoryId}".`));
        return accept({ type: 'result_revealed', cueId: cue.id, categoryId: cue.categoryId, slot: cue.slot, entries: entriesForSlot(category, cue.slot, definition.organizations) });
      }
      return accept({ type: 'cue_started', cueId: cue.id });
    }
    case 'retract': {
      const last = state.revealStack.at(-1);
      if (!last) return refuse(podiumError(ErrorCodes.nothingToRetract, 'Nothing has been revealed, so there is nothing to retract.'));
      if (command.cueId !== undefined && command.cueId !== last) {
        return refuse(podiumError(ErrorCodes.cueMismatch, `Retract was for ${cueName(state, command.cueId)}, but the last reveal is ${cueName(state, last)}. Nothing was done.`));
      }
      if (command.confirm !== true) return refuse(podiumError(ErrorCodes.confirmationRequired, 'Retracting a reveal needs "confirm": true.'));
      const cue = state.cues.find((c) => c.id === last)!;
      const result = state.results[cue.categoryId!]?.find((r) => r.cueId === last);
      return accept({
        type: 'reveal_retracted',
        cueId: last,
        categoryId: cue.categoryId!,
        slot: cue.slot!,
        entries: result?.entries ?? [],
        ...(command.reason ? { reason: command.reason } : {}),
      });
    }
    case 'hold':
      if (state.hold) return refuse(podiumError(ErrorCodes.alreadyOnHold, 'The ceremony is already on hold.'));
      return accept({ type: 'hold_started', ...(command.message ? { message: command.message } : {}) });
    case 'resume':
      if (!state.hold) return refuse(podiumError(ErrorCodes.notOnHold, 'The ceremony is not on hold.'));
      return accept({ type: 'hold_ended' });
    case 'announce':
      return accept({ type: 'announced', text: command.text, ...(command.durationMs !== undefined ? { durationMs: command.durationMs } : {}) });
    case 'clear_announcement':
      if (!standingAnnouncement(state)) return refuse(podiumError(ErrorCodes.alreadyDone, 'There is no announcement on the screens to clear.'));
      return accept({ type: 'announcement_cleared' });
    case 'arm': {
      const cue = nextCue(state);
      if (!cue || cue.id !== command.cueId) {
        return refuse(podiumError(ErrorCodes.cueMismatch, `Arm was for ${cueName(state, command.cueId)}, but the next cue is ${cueName(state, cue?.id)}. Nothing was done.`, { nextCueId: cue?.id ?? null }));
      }
      if (cue.kind !== 'reveal') return refuse(podiumError(ErrorCodes.notARevealCue, `The next cue ${cueName(state, cue.id)} is not a reveal: only a reveal is armed.`));
      if (state.armedCueId === cue.id) return refuse(podiumError(ErrorCodes.alreadyDone, `The reveal ${cueName(state, cue.id)} is already armed.`));
      return accept({ type: 'reveal_armed', cueId: cue.id });
    }
    case 'set_overlay':
      if ((state.overlayOnAir ?? true) === command.onAir) return refuse(podiumError(ErrorCodes.alreadyDone, command.onAir ? 'The overlay is already on air.' : 'The overlay is already off air.'));
      return accept({ type: 'overlay_set', onAir: command.onAir });
    case 'tell_presenter':
      return accept({ type: 'presenter_told', text: command.text });
    case 'jump': {
      if (!state.cues.some((c) => c.id === command.cueId)) return refuse(podiumError(ErrorCodes.unknownCue, `There is no cue "${command.cueId}" in this run of show.`));
      if (command.confirm !== true) return refuse(podiumError(ErrorCodes.confirmationRequired, 'Jumping to another cue needs "confirm": true.'));
      return accept({ type: 'cue_jumped', fromCueId: nextCue(state)?.id ?? null, toCueId: command.cueId });
    }
    case 'set_channel': {
      const existing = state.channels[command.channelId];
      const name = command.name ?? existing?.name ?? { en: command.channelId };
      return accept({ type: 'channel_set', channelId: command.channelId, name, delayMs: command.delayMs });
    }
    default: {
      const never: never = command;
      return refuse(podiumError(ErrorCodes.invalidCommand, `Unknown command ${JSON.stringify(never)}.`));
    }
  }
}
