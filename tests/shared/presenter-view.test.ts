import { describe, expect, it } from 'vitest';
import { presenterView } from '../../shared/presenter';
import { Harness, sampleCeremony } from '../helpers/ceremony-harness';

describe('[S33] presenterView', () => {
  it('times the segment on now from its start, a reveal too, and keeps the last messages in order', () => {
    const h = new Harness(sampleCeremony());
    h.go();
    h.when({ type: 'tell_presenter', text: { en: 'one' } });
    h.when({ type: 'tell_presenter', text: { en: 'two' } });
    let view = presenterView(h.state, h.definition, h.log);
    expect(view.current?.id).toBe('opening');
    expect(view.currentSince).toBe(h.log.find((e) => e.type === 'cue_started')!.at);
    expect(view.messages.map((m) => m.text.en)).toEqual(['one', 'two']);
    expect(view.current?.script?.en).toBe('Good evening, and welcome to the Sample Awards.');
    while (h.state.cues[h.state.nextIndex]?.kind !== 'reveal') h.go();
    h.go();
    view = presenterView(h.state, h.definition, h.log);
    const revealed = h.log.at(-1)!;
    expect(revealed.type).toBe('result_revealed');
    expect(view.currentSince).toBe(revealed.at);
    expect(view.current?.reveal?.state).toBe('revealed');
  });

  it('gives an intro its public nominees, and a summary its line only once the category is revealed', () => {
    const h = new Harness(sampleCeremony());
    while (h.state.cues[h.state.nextIndex]?.id !== 'young-designer/intro') h.go();
    let view = presenterView(h.state, h.definition, h.log);
    expect(view.next?.nominees?.length).toBe(4);
    const b = new Harness(sampleCeremony());
    while (b.state.cues[b.state.nextIndex]?.id !== 'best-app/place-1') b.go();
    view = presenterView(b.state, b.definition, b.log);
    expect(view.next?.reveal).toEqual({ state: 'sealed' });
    expect(view.next?.script).toBeUndefined();
    b.when({ type: 'arm', cueId: 'best-app/place-1' });
    view = presenterView(b.state, b.definition, b.log);
    expect(view.next?.reveal?.state).toBe('armed');
    expect(view.next?.reveal?.names?.[0]?.pronunciation?.en).toBe('AL-fuh');
    b.go();
    view = presenterView(b.state, b.definition, b.log);
    expect(view.next?.id).toBe('best-app/summary');
    expect(view.next?.script?.en).toBe('Congratulations to every winner of the best app award.');
    // The public reveal carries no pronunciation: it is for the presenter only.
    expect(JSON.stringify(b.log.at(-1))).not.toContain('AL-fuh');
  });
});
