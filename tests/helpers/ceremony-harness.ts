import egov from '../../ceremonies/egov-award-1399.json';
import sample from '../../ceremonies/sample-awards.json';
import type { CeremonyDefinition } from '../../shared/ceremony';
import type { Command } from '../../shared/commands';
import { buildCues, toPublicCeremony } from '../../shared/cues';
import { decide, type Decision } from '../../shared/decide';
import type { CeremonyEvent, EventBody } from '../../shared/events';
import { foldEvents, initialState, nextCue, type CeremonyState } from '../../shared/state';
import { parseCeremony } from '../../shared/validation';

export function loadDefinition(json: unknown): CeremonyDefinition {
  const parsed = parseCeremony(json);
  if (!parsed.ok) throw new Error(`fixture is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

export const seedCeremony = (): CeremonyDefinition => loadDefinition(egov);
export const sampleCeremony = (): CeremonyDefinition => loadDefinition(sample);

export function freshState(def: CeremonyDefinition): CeremonyState {
  return initialState(toPublicCeremony(def), buildCues(def));
}

/** Stamps decided event bodies as the server would: seq after the state's, a time, meta. */
export function stamp(state: CeremonyState, bodies: readonly EventBody[], at = 1_000, commandId = 'c'): CeremonyEvent[] {
  return bodies.map((b, i) => ({ ...b, seq: state.seq + i + 1, at, commandId, actor: 'operator' }) as CeremonyEvent);
}

/** A ceremony run in memory, without a server: decide, stamp, evolve. */
export class Harness {
  state: CeremonyState;
  readonly log: CeremonyEvent[] = [];
  private clock = 1_000;

  constructor(readonly definition: CeremonyDefinition) {
    this.state = freshState(definition);
  }

  /** Given: these commands were applied (each must succeed). */
  given(...commands: Command[]): this {
    for (const c of commands) {
      const d = this.when(c);
      if (!d.ok) throw new Error(`given ${c.type} was refused: ${d.error.code}`);
    }
    return this;
  }

  when(command: Command): Decision {
    const decision = decide(this.state, command, this.definition);
    if (decision.ok) {
      const events = stamp(this.state, decision.events, (this.clock += 1000), command.commandId ?? `c${this.log.length}`);
      this.state = foldEvents(this.state, events);
      this.log.push(...events);
    }
    return decision;
  }

  go(): Decision {
    const cue = nextCue(this.state);
    return this.when({ type: 'go', expectedCue: cue?.id ?? 'none' });
  }

  /** GO until the run of show is done. */
  goToEnd(): this {
    while (nextCue(this.state)) this.given({ type: 'go', expectedCue: nextCue(this.state)!.id });
    return this;
  }
}

