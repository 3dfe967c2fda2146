import { describe, expect, it } from 'vitest';
import { Harness, sampleCeremony, seedCeremony } from '../helpers/ceremony-harness';
import { CeremonyEventSchema, EventBodySchema } from '../../shared/event-schema';
import { EventTypes, toPublicEvent } from '../../shared/events';

describe('the event schema is the shape of the events the decider makes', () => {
  it('[S9] every event of whole runs (reveals, a retraction, holds, announcements, jumps, channels) passes it, unchanged', () => {
    for (const def of [seedCeremony(), sampleCeremony()]) {
      const h = new Harness(def);
      h.given({ type: 'set_channel', channelId: 'stream', delayMs: 20_000, name: { en: 'Stream' } }, { type: 'announce', text: { en: 'Hi' } }, { type: 'hold', message: { en: 'Wait' } }, { type: 'resume' });
      h.go();
      h.go();
      while (h.state.results[def.categories[0]!.id]?.length !== 1) h.go();
      h.given({ type: 'retract', confirm: true, reason: { en: 'Oops' } });
      h.given({ type: 'jump', cueId: h.state.cues.at(-1)!.id, confirm: true });
      h.goToEnd();
      const types = new Set(h.log.map((e) => e.type));
      expect([...types].sort()).toEqual(EventTypes.filter((t) => t !== 'rehearsal_started').sort());
      for (const event of h.log) {
        expect(CeremonyEventSchema.parse(event)).toEqual(event);
        const { seq: _s, at: _a, showAt: _sa, ...body } = toPublicEvent(event);
        expect(EventBodySchema.parse(body)).toEqual(body);
      }
    }
  });

  it('[S9] a rehearsal_started event passes it (the server makes it, not the decider); one with a field too many does not', () => {
    const event = { type: 'rehearsal_started', realResults: true, seq: 1, at: 1, showAt: 1, commandId: 'c', actor: 'operator' };
    expect(CeremonyEventSchema.safeParse(event).success).toBe(true);
    expect(CeremonyEventSchema.safeParse({ ...event, realResults: 'yes' }).success).toBe(false);
    expect(CeremonyEventSchema.safeParse({ ...event, extra: 1 }).success).toBe(false);
  });
});
