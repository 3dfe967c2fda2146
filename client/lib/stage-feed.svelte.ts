import type { PublicEvent } from '../../shared/events';
import { CeremonyFeed } from './ceremony-feed.svelte';

/**
 * The stage's feed: also keeps the `showAt` of each reveal it displayed from its event (a
 * snapshot carries only `at`), so the stage times a reveal's sequence from the same moment as every
 * other screen. Loaded with the stage's chunk only.
 */
export class StageFeed extends CeremonyFeed {
  readonly #revealShowAt = new Map<number, number>();

  override applyEvent(event: PublicEvent): ReturnType<CeremonyFeed['applyEvent']> {
    const outcome = super.applyEvent(event);
    if (outcome.kind === 'applied' && event.type === 'result_revealed' && event.showAt !== undefined) this.#revealShowAt.set(event.seq, event.showAt);
    return outcome;
  }

  /** The server time a reveal (by its seq) was due on screens, if this screen got its event. */
  revealShowAt(seq: number): number | undefined {
    return this.#revealShowAt.get(seq);
  }
}
