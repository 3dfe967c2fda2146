import { RESULTS_SHOWN_MS } from '../../shared/studio';

/**
 * Which category's results are shown on purpose in the studio (S32): one at a time, hidden again
 * on their own RESULTS_SHOWN_MS after the last edit, and whenever another category is picked. A
 * control room has many eyes; results are masked unless someone has just asked to see them.
 */
export class ResultsShown {
  categoryKey: string | null = $state(null);
  /** Said once when the results hide on their own (for aria-live). */
  hiddenByTime = $state(false);
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly ms: number = RESULTS_SHOWN_MS) {}

  isShown(key: string): boolean {
    return this.categoryKey === key;
  }

  show(key: string): void {
    this.categoryKey = key;
    this.hiddenByTime = false;
    this.#restart();
  }

  /** An edit while shown: the time starts again, so that results do not vanish under the typing. */
  touch(): void {
    if (this.categoryKey !== null) this.#restart();
  }

  hide(byTime = false): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.categoryKey !== null) this.hiddenByTime = byTime;
    this.categoryKey = null;
  }

  toggle(key: string): void {
    if (this.isShown(key)) this.hide();
    else this.show(key);
  }

  #restart(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.hide(true), this.ms);
  }
}
