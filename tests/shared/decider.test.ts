import { describe, expect, it } from 'vitest';
import { Harness, seedCeremony, sampleCeremony } from '../helpers/ceremony-harness';
import { nextCue } from '../../shared/state';
import type { Decision } from '../../shared/decide';
import type { EventBody } from '../../shared/events';

function revealedBy(d: Decision): Extract<EventBody, { type: 'result_revealed' }> {
  const event = d.ok ? d.events[0] : undefined;
  if (event?.type !== 'result_revealed') throw new Error(`expected a reveal, got ${JSON.stringify(d)}`);
  return event;
}

// Given / when / then over the pure decider: no server, no sockets. Rules: docs/spec.md.

describe('GO', () => {
  it('[S10] walks the seed run of show and reveals G2G 4th, 3rd, 2nd, 1st', () => {
    const h = new Harness(seedCeremony()).goToEnd();
    const reveals = h.log.filter((e) => e.type === 'result_revealed');
    expect(reveals.map((e) => e.type === 'result_revealed' && e.slot)).toEqual([
      { kind: 'place', place: 4 },
      { kind: 'place', place: 3 },
      { kind: 'place', place: 2 },
      { kind: 'place', place: 1 },
    ]);
    expect(reveals.map((e) => e.type === 'result_revealed' && e.entries[0]!.recipient.name.fa)).toEqual([
      'سازمان اداری و استخدامی کشور',
      'مرکز توسعه تجارت الکترونیکی',
      'وزارت بهداشت، درمان و آموزش پزشکی',
      'دفتر هیئت دولت جمهوری اسلامی',
    ]);
    expect(h.state.endedAt).not.toBeNull();
    expect(h.log.map((e) => e.seq)).toEqual(h.log.map((_, i) => i + 1));
  });

  it('[S1] given the next cue is the opening, when GO names another cue, then cue_mismatch names the next cue and nothing happens', () => {
    const h = new Harness(seedCeremony());
    const d = h.when({ type: 'go', expectedCue: 'g2g/place-4' });
    expect(d).toMatchObject({ ok: false, error: { code: 'cue_mismatch', nextCueId: 'opening' } });
    expect(h.log).toHaveLength(0);
  });

  it('[S1] when GO names the next cue, then it starts exactly that cue', () => {
    const h = new Harness(seedCeremony());
    expect(h.when({ type: 'go', expectedCue: 'opening' })).toEqual({ ok: true, events: [{ type: 'cue_started', cueId: 'opening' }] });
    expect(h.state.currentCueId).toBe('opening');
  });

  it('given the run of show is done, when GO, then no_next_cue', () => {
    const h = new Harness(seedCeremony()).goToEnd();
    expect(h.when({ type: 'go', expectedCue: 'closing' })).toMatchObject({ ok: false, error: { code: 'no_next_cue' } });
  });

  it('reveals a tie as one cue with both recipients, and mentions before the places', () => {
    const h = new Harness(sampleCeremony());
    const ids = h.state.cues.filter((c) => c.categoryId === 'best-app').map((c) => c.id);
    expect(ids).toEqual(['best-app/intro', 'best-app/mentions', 'best-app/place-3', 'best-app/place-2', 'best-app/place-1', 'best-app/summary']);
    h.given({ type: 'jump', cueId: 'best-app/place-3', confirm: true });
    const e = revealedBy(h.go());
    expect(e.entries.map((x) => x.recipient.name.en)).toEqual([
      'Gamma Imaginary Studio',
      'Delta Imaginary Cooperative',
    ]);
  });

  it('reveals the winners of a nominees category, a tie as two winners, and honours an explicit first-to-last order', () => {
    const h = new Harness(sampleCeremony());
    h.given({ type: 'jump', cueId: 'young-designer/winner', confirm: true });
    const entries = revealedBy(h.go()).entries;
    expect(entries.map((x) => x.recipient.name.en).sort()).toEqual(['Kian Sample', 'Sara Sample']);
    // The reveal names each winner by its public id, so screens mark it among the public nominees.
    const nominees = h.state.ceremony.categories.find((c) => c.id === 'young-designer')!.nominees!;
    expect(entries.map((x) => nominees.find((n) => n.id === x.nomineeId)?.recipient.name)).toEqual(entries.map((x) => x.recipient.name));
    expect(h.state.cues.filter((c) => c.categoryId === 'accessibility' && c.kind === 'reveal').map((c) => c.id)).toEqual([
      'accessibility/place-1',
      'accessibility/place-2',
      'accessibility/place-3',
    ]);
  });
});

describe('hold and resume', () => {
  it('[S5] given a hold, when GO, then on_hold; when resume, then GO works again', () => {
    const h = new Harness(seedCeremony()).given({ type: 'hold' });
    expect(h.state.hold).not.toBeNull();
    expect(h.go()).toMatchObject({ ok: false, error: { code: 'on_hold' } });
    expect(h.when({ type: 'hold' })).toMatchObject({ ok: false, error: { code: 'already_on_hold' } });
    h.given({ type: 'resume' });
    expect(h.go().ok).toBe(true);
    expect(h.when({ type: 'resume' })).toMatchObject({ ok: false, error: { code: 'not_on_hold' } });
  });
});

describe('retract', () => {
  const toFirstReveal = () => {
    const h = new Harness(seedCeremony());
    while (h.state.lastRevealCueId === null) h.go();
    return h;
  };

  it('[S8] needs confirmation', () => {
    const h = toFirstReveal();
    expect(h.when({ type: 'retract' })).toMatchObject({ ok: false, error: { code: 'confirmation_required' } });
  });

  it('[S4] given 4th place revealed, when retract, then a correction event withdraws it and 4th place is next again', () => {
    const h = toFirstReveal();
    const before = h.log.length;
    const d = h.when({ type: 'retract', cueId: 'g2g/place-4', confirm: true });
    expect(d).toMatchObject({ ok: true, events: [{ type: 'reveal_retracted', cueId: 'g2g/place-4' }] });
    expect(h.log).toHaveLength(before + 1);
    expect(h.state.results.g2g).toEqual([]);
    expect(h.state.corrections).toHaveLength(1);
    expect(nextCue(h.state)?.id).toBe('g2g/place-4');
  });

  it('[S1] refuses to retract another reveal than the last one', () => {
    const h = toFirstReveal().given({ type: 'go', expectedCue: 'g2g/place-3' });
    expect(h.when({ type: 'retract', cueId: 'g2g/place-4', confirm: true })).toMatchObject({ ok: false, error: { code: 'cue_mismatch' } });
  });

  it('given nothing revealed, then nothing_to_retract', () => {
    expect(new Harness(seedCeremony()).when({ type: 'retract', confirm: true })).toMatchObject({ ok: false, error: { code: 'nothing_to_retract' } });
  });
});

describe('jump and announce', () => {
  it('[S8] jump needs confirmation and a known cue, and only sets the next cue', () => {
    const h = new Harness(seedCeremony());
    expect(h.when({ type: 'jump', cueId: 'g2g/intro' })).toMatchObject({ ok: false, error: { code: 'confirmation_required' } });
    expect(h.when({ type: 'jump', cueId: 'nope', confirm: true })).toMatchObject({ ok: false, error: { code: 'unknown_cue' } });
    h.given({ type: 'jump', cueId: 'g2g/intro', confirm: true });
    expect(nextCue(h.state)?.id).toBe('g2g/intro');
    expect(h.state.currentCueId).toBeNull();
    expect(h.state.results).toEqual({});
  });

  it('announce adds a message every screen shows', () => {
    const h = new Harness(seedCeremony()).given({ type: 'announce', text: { fa: 'پنج دقیقه استراحت', en: 'Five-minute break' } });
    expect(h.state.announcements.map((a) => a.text.en)).toEqual(['Five-minute break']);
  });
});
