import { describe, expect, it } from 'vitest';
import { Harness, sampleCeremony, seedCeremony } from '../helpers/ceremony-harness';
import { CeremonyEventSchema, EventBodySchema } from '../../shared/event-schema';
import { decideDefinitionChange } from '../../shared/definition-change';
import { EventTypes, toPublicEvent } from '../../shared/events';

describe('the event schema is the shape of the events the decider makes', () => {
  it('[S9] every event of whole runs (reveals, arming, a retraction, holds, announcements and their clearing, the overlay, messages to the presenter, jumps, channels) passes it, unchanged', () => {
    for (const def of [seedCeremony(), sampleCeremony()]) {
      const h = new Harness(def);
      h.given({ type: 'set_channel', channelId: 'stream', delayMs: 20_000, name: { en: 'Stream' } }, { type: 'announce', text: { en: 'Hi' } }, { type: 'hold', message: { en: 'Wait' } }, { type: 'resume' });
      h.given({ type: 'announce', text: { en: 'Doors close' }, durationMs: 5_000 }, { type: 'clear_announcement' }, { type: 'tell_presenter', text: { en: 'Slow down' } });
      h.given({ type: 'set_overlay', onAir: false }, { type: 'set_overlay', onAir: true });
      h.go();
      h.go();
      while (h.state.cues[h.state.nextIndex]?.kind !== 'reveal') h.go();
      h.given({ type: 'arm', cueId: h.state.cues[h.state.nextIndex]!.id });
      while (h.state.results[def.categories[0]!.id]?.length !== 1) h.go();
      h.given({ type: 'retract', confirm: true, reason: { en: 'Oops' } });
      h.given({ type: 'jump', cueId: h.state.cues.at(-1)!.id, confirm: true });
      h.goToEnd();
      const types = new Set(h.log.map((e) => e.type));
      expect([...types].sort()).toEqual(EventTypes.filter((t) => t !== 'rehearsal_started' && t !== 'definition_published' && t !== 'results_sealed').sort());
      for (const event of h.log) {
        expect(CeremonyEventSchema.parse(event)).toEqual(event);
        const { seq: _s, at: _a, showAt: _sa, ...body } = toPublicEvent(event);
        expect(EventBodySchema.parse(body)).toEqual(body);
      }
    }
  });

  it('[S9][S17] a definition_published event as a run publishes it (a correction too) passes it, and so does its public form', () => {
    const def = sampleCeremony();
    const h = new Harness(def);
    h.go();
    const change = decideDefinitionChange(h.state, def, def, { correction: true, confirm: true });
    expect(change.ok).toBe(false); // nothing changed: refused
    const next = structuredClone(def);
    const category = next.categories.find((c) => c.kind === 'nominees')!;
    if (category.kind === 'nominees') category.winners = [category.nominees.at(-1)!.id];
    const corrected = decideDefinitionChange(h.state, def, next, { correction: true, confirm: true });
    if (!corrected.ok) throw new Error(corrected.error.message);
    const event = { ...corrected.event, version: 2, hash: 'sha256:00', seq: 2, at: 2, showAt: 2, commandId: 'c', actor: 'operator' };
    expect(CeremonyEventSchema.parse(event)).toEqual(event);
    const { seq: _s, at: _a, showAt: _sa, ...body } = toPublicEvent(event as never);
    expect(body).not.toHaveProperty('hash');
    expect(body).not.toHaveProperty('correction');
    expect(EventBodySchema.parse(body)).toEqual(body);
  });

  it('[S9] a rehearsal_started event passes it (the server makes it, not the decider); one with a field too many does not', () => {
    const event = { type: 'rehearsal_started', realResults: true, seq: 1, at: 1, showAt: 1, commandId: 'c', actor: 'operator' };
    expect(CeremonyEventSchema.safeParse(event).success).toBe(true);
    expect(CeremonyEventSchema.safeParse({ ...event, realResults: 'yes' }).success).toBe(false);
    expect(CeremonyEventSchema.safeParse({ ...event, extra: 1 }).success).toBe(false);
  });
});
