import { describe, expect, it } from 'vitest';
import { Harness, sampleCeremony, seedCeremony } from '../helpers/ceremony-harness';
import { parseRunFile, toRunFile, type RunFile } from '../../shared/run-file';

const def = seedCeremony();

/** A recorded run of the whole seed ceremony, with a hold, an announcement and a retraction. */
function recorded(): RunFile {
  const h = new Harness(def);
  h.go();
  h.given({ type: 'announce', text: { fa: 'خوش آمدید', en: 'Welcome' } }, { type: 'hold' }, { type: 'resume' });
  while (h.state.results.g2g?.length !== 1) h.go();
  h.given({ type: 'retract', confirm: true });
  h.goToEnd();
  return toRunFile({ ceremonyId: def.id, runId: 'live:egov-award-1399', kind: 'live', events: h.log });
}

/** The file as it arrives from disk: plain JSON, so a test may break it any way it likes. */
function asJson(file: RunFile = recorded()): any {
  return JSON.parse(JSON.stringify(file));
}

describe('run files', () => {
  it('a recorded run round-trips through JSON and folds to the state it ended in', () => {
    const h = new Harness(def).goToEnd();
    const file = toRunFile({ ceremonyId: def.id, runId: 'r1', kind: 'rehearsal', events: h.log });
    const parsed = parseRunFile(JSON.parse(JSON.stringify(file)), def);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toEqual(file);
    expect(parsed.state).toEqual(h.state);
    expect(parseRunFile(asJson(), def).ok).toBe(true);
  });

  const refusals: [string, (file: any) => unknown, string, RegExp][] = [
    ['not an object', () => [1, 2], '(root)', /Podium run file/],
    ['another format', (f) => ({ ...f, format: 'obs-scene' }), 'format', /not a Podium run file/],
    ['another schema version', (f) => ({ ...f, schemaVersion: 2 }), 'schemaVersion', /expected schema version 1, got 2/],
    ['a run of another ceremony', (f) => ({ ...f, ceremonyId: 'sample-awards' }), 'ceremonyId', /expected a run of "egov-award-1399", got a run of "sample-awards"/],
    ['an unknown kind', (f) => ({ ...f, kind: 'dress' }), 'kind', /./],
    ['a gap in seq', (f) => ({ ...f, events: f.events.filter((e: any) => e.seq !== 5) }), 'events[4].seq', /expected seq 5, got 6: event 5 is missing/],
    ['a duplicate seq', (f) => ({ ...f, events: [...f.events.slice(0, 4), f.events[3], ...f.events.slice(4)] }), 'events[4].seq', /duplicate seq 4/],
    ['an unknown event type', (f) => ({ ...f, events: f.events.map((e: any) => (e.seq === 3 ? { ...e, type: 'confetti' } : e)) }), 'events[2].type', /unknown event type "confetti"/],
    ['a seq that is not a number', (f) => ({ ...f, events: f.events.map((e: any) => (e.seq === 2 ? { ...e, seq: '2' } : e)) }), 'events[1].seq', /./],
    ['a reveal without recipients', (f) => ({ ...f, events: f.events.map((e: any) => (e.type === 'result_revealed' ? { ...e, entries: [{}] } : e)) }), 'events[', /./],
    ['an unknown cue', (f) => ({ ...f, events: f.events.map((e: any) => (e.seq === 1 ? { ...e, cueId: 'ghost' } : e)) }), 'events[0]', /does not follow.*unknown cue "ghost"/],
    ['a reveal of a cue that is not a reveal', (f) => ({ ...f, events: f.events.map((e: any) => (e.type === 'result_revealed' ? { ...e, cueId: 'opening' } : e)) }), 'events[', /not a reveal cue/],
    ['a reveal in another slot than its cue', (f) => ({ ...f, events: f.events.map((e: any) => (e.type === 'result_revealed' ? { ...e, slot: { kind: 'place', place: 9 } } : e)) }), 'events[', /another category or slot/],
  ];
  /** A run of the sample ceremony's rehearsal, with a channel set: its first events are rehearsal_started and channel_set. */
  const withChannel = () => {
    const h = new Harness(def);
    h.given({ type: 'set_channel', channelId: 'stream', delayMs: 20_000 });
    const events = [{ type: 'rehearsal_started', realResults: false, seq: 1, at: 1, commandId: 'r', actor: 'operator' }, ...h.log.map((e) => ({ ...e, seq: e.seq + 1 }))];
    return { ...asJson(), kind: 'rehearsal', events };
  };
  const malformed: [string, (event: any) => unknown, RegExp][] = [
    ['a channel_set with a delay that is not a number', (e) => ({ ...e, delayMs: 'soon' }), /number/],
    ['a channel_set with a negative delay', (e) => ({ ...e, delayMs: -5 }), />=0|too small/i],
    ['a channel_set with a delay over the limit', (e) => ({ ...e, delayMs: 10_000_000 }), /<=120000|too big/i],
    ['a channel_set with a bad channel id', (e) => ({ ...e, channelId: 'Stream!' }), /./],
    ['a channel_set without a name', (e) => ({ ...e, name: undefined }), /./],
    ['a channel_set with an extra field', (e) => ({ ...e, script: '<b>x</b>' }), /script/],
  ];
  for (const [name, corrupt, message] of malformed) {
    it(`[S9] refuses ${name}, as the live events' schema does`, () => {
      const file = withChannel();
      expect(parseRunFile(file, def).ok).toBe(true);
      file.events[1] = corrupt(file.events[1]);
      const result = parseRunFile(file, def);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problem.path.startsWith('events[1]')).toBe(true);
      expect(result.problem.message).toMatch(message);
    });
  }
  for (const [name, realResults] of [['not a boolean', 'yes'], ['missing', undefined]] as const) {
    it(`[S9] refuses a rehearsal_started whose realResults is ${name}`, () => {
      const file = withChannel();
      file.events[0] = { ...file.events[0], realResults };
      const result = parseRunFile(file, def);
      expect(!result.ok && result.problem.path).toBe('events[0].realResults');
    });
  }

  for (const [name, corrupt, path, message] of refusals) {
    it(`refuses ${name}, naming the first problem`, () => {
      const result = parseRunFile(corrupt(asJson()), def);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problem.path.startsWith(path)).toBe(true);
      expect(result.problem.message).toMatch(message);
    });
  }

  it('names the first of several problems', () => {
    const f = asJson();
    f.events[7].type = 'confetti';
    f.events.splice(2, 1);
    expect(parseRunFile(f, def)).toMatchObject({ ok: false, problem: { path: 'events[2].seq' } });
  });

  it('refuses a run of the seed relabelled as a run of the sample ceremony at its first foreign cue', () => {
    const f = { ...asJson(), ceremonyId: 'sample-awards' };
    // Both begin with a cue called "opening"; after an announcement and a hold, the seed's guest-of-honour speech is unknown to the sample.
    expect(parseRunFile(f, sampleCeremony())).toMatchObject({ ok: false, problem: { path: 'events[4]', message: expect.stringContaining('"guest-of-honour"') } });
  });
});
