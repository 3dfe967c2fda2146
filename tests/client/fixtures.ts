import seed from '../../ceremonies/egov-award-1399.json';
import type { CeremonyDefinition } from '../../shared/ceremony';
import type { Command } from '../../shared/commands';
import { buildCues, toPublicCeremony } from '../../shared/cues';
import { decide } from '../../shared/decide';
import type { CeremonyEvent } from '../../shared/events';
import { revealPreviews } from '../../shared/projection';
import { evolve, initialState, nextCue, type CeremonyState } from '../../shared/state';
import { parseCeremony } from '../../shared/validation';

export function parse(input: unknown): CeremonyDefinition {
  const parsed = parseCeremony(input);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return parsed.value;
}

/** The real seed ceremony, names exactly as written. */
export function seedDefinition(): CeremonyDefinition {
  return parse(seed);
}

/**
 * The seed plus made-up test data the seed does not have: a tie for 3rd place in g2g, honourable
 * mentions, scores, and a nominees category. Names marked «(آزمایشی)» are not real.
 */
export function variantDefinition(): CeremonyDefinition {
  const input = structuredClone(seed) as Record<string, unknown> & { runOfShow: unknown[]; categories: Record<string, unknown>[] };
  const g2g = input.categories[0] as { results: Record<string, unknown>[]; mentions?: unknown[]; placeCount?: number };
  // Still four places: five results would otherwise make five (docs/ceremony-format.md, placeCount).
  g2g.placeCount = 4;
  g2g.results.push({ place: 3, recipient: { type: 'organization', name: { fa: 'سازمان آزمایشی هم‌رتبه', en: 'Tied Test Organization' } } });
  g2g.mentions = [{ recipient: { type: 'organization', name: { fa: 'تقدیرشده آزمایشی', en: 'Test Mention' } } }];
  input.categories.push({
    id: 'best-app',
    kind: 'nominees',
    title: { fa: 'بهترین اپلیکیشن (آزمایشی)', en: 'Best app (test)' },
    nominees: [
      { id: 'app-a', recipient: { type: 'organization', name: { fa: 'نامزد الف', en: 'Nominee A' } }, score: 91.5 },
      { id: 'app-b', recipient: { type: 'organization', name: { fa: 'نامزد ب', en: 'Nominee B' } }, score: 88 },
    ],
    winners: ['app-a'],
  });
  input.runOfShow.splice(input.runOfShow.length - 1, 0, { kind: 'category', categoryId: 'best-app' });
  return parse(input);
}

/** A run driven through the real decider, as the server would: stamp seq, at and meta, then evolve. */
export class TestRun {
  readonly definition: CeremonyDefinition;
  state: CeremonyState;
  readonly log: CeremonyEvent[] = [];
  #clock = Date.UTC(2021, 1, 23, 6, 30);
  #ids = 0;

  constructor(definition: CeremonyDefinition = seedDefinition()) {
    this.definition = definition;
    this.state = initialState(toPublicCeremony(definition), buildCues(definition));
  }

  get previews() {
    return revealPreviews(this.state, this.definition);
  }

  command(command: Command): CeremonyEvent[] {
    const decision = decide(this.state, command, this.definition);
    if (!decision.ok) throw new Error(`${decision.error.code}: ${decision.error.message}`);
    const events = decision.events.map((body): CeremonyEvent => {
      this.#clock += 60_000;
      return { ...body, seq: this.state.seq + 1, at: this.#clock, actor: 'operator', commandId: `cmd-${++this.#ids}` };
    });
    for (const event of events) {
      this.state = evolve(this.state, event);
      this.log.push(event);
    }
    return events;
  }

  go(): CeremonyEvent[] {
    const cue = nextCue(this.state);
    if (!cue) throw new Error('no next cue');
    return this.command({ type: 'go', expectedCue: cue.id });
  }

  /** GO until `cueId` has been started (inclusive). */
  goThrough(cueId: string): CeremonyState {
    while (this.state.currentCueId !== cueId) this.go();
    return this.state;
  }

  /** GO until `cueId` is the next cue. */
  goUntilNext(cueId: string): CeremonyState {
    while (nextCue(this.state)?.id !== cueId) this.go();
    return this.state;
  }
}
