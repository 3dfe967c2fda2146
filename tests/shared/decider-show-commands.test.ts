import { describe, expect, it } from 'vitest';
import { currentAnnouncement } from '../../shared/announcements';
import { Harness, sampleCeremony } from '../helpers/ceremony-harness';

const refusal = (d: ReturnType<Harness['when']>) => (d.ok ? null : d.error.code);

describe('the broadcast commands (issue 11)', () => {
  it('clear_announcement takes the standing announcement down once; a second clear changes nothing', () => {
    const h = new Harness(sampleCeremony()).given({ type: 'announce', text: { en: 'Doors close' }, durationMs: 5_000 });
    const at = h.state.announcements.at(-1)!.at;
    expect(currentAnnouncement(h.state, at + 1_000)?.text.en).toBe('Doors close');
    expect(currentAnnouncement(h.state, at + 6_000)).toBeNull();
    h.given({ type: 'clear_announcement' });
    expect(currentAnnouncement(h.state, at + 1_000)).toBeNull();
    const seq = h.state.seq;
    expect(refusal(h.when({ type: 'clear_announcement' }))).toBe('already_done');
    expect(h.state.seq).toBe(seq);
  });

  it('arm only the next cue, only a reveal; GO clears it', () => {
    const h = new Harness(sampleCeremony());
    expect(refusal(h.when({ type: 'arm', cueId: h.state.cues[0]!.id }))).toBe('not_a_reveal_cue');
    while (h.state.cues[h.state.nextIndex]?.kind !== 'reveal') h.go();
    const next = h.state.cues[h.state.nextIndex]!.id;
    expect(refusal(h.when({ type: 'arm', cueId: 'no-such-cue' }))).toBe('cue_mismatch');
    h.given({ type: 'arm', cueId: next });
    expect(h.state.armedCueId).toBe(next);
    expect(refusal(h.when({ type: 'arm', cueId: next }))).toBe('already_done');
    h.go();
    expect(h.state.armedCueId).toBeNull();
  });

  it('set_overlay takes the overlay off air and back without moving the run', () => {
    const h = new Harness(sampleCeremony());
    h.go();
    const cue = h.state.currentCueId;
    h.given({ type: 'set_overlay', onAir: false });
    expect(h.state.overlayOnAir).toBe(false);
    expect(h.state.currentCueId).toBe(cue);
    expect(refusal(h.when({ type: 'set_overlay', onAir: false }))).toBe('already_done');
    h.given({ type: 'set_overlay', onAir: true });
    expect(h.state.overlayOnAir).toBe(true);
  });
});
