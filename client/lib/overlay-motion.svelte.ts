/** How long a graphic takes to come in and to go (ms). Going is shorter: the next one waits for it. */
export const ENTER_MS = 520;
export const LEAVE_MS = 280;

const REDUCED = '(prefers-reduced-motion: reduce)';

/** Transform and opacity only: the compositor moves them without layout or paint. */
const moves = {
  'lower-third': {
    enter: [{ opacity: 0, transform: 'translateY(1.4em)' }, { opacity: 1, transform: 'none' }],
    leave: [{ opacity: 1, transform: 'none' }, { opacity: 0, transform: 'translateY(0.7em)' }],
  },
  full: {
    enter: [{ opacity: 0, transform: 'scale(1.04)' }, { opacity: 1, transform: 'none' }],
    leave: [{ opacity: 1, transform: 'none' }, { opacity: 0, transform: 'scale(0.98)' }],
  },
} satisfies Record<string, { enter: Keyframe[]; leave: Keyframe[] }>;
export type MoveKind = keyof typeof moves;

/**
 * Whether the overlay may move: not with `?motion=off` (the mixer wants cuts), not when the
 * viewer asks for reduced motion, and not where the browser has no Web Animations. Without it,
 * every graphic cuts in and out.
 */
export class OverlayMotion {
  #reduced = $state(false);
  readonly #wanted: () => boolean;

  constructor(wanted: () => boolean) {
    this.#wanted = wanted;
    $effect(() => {
      if (typeof window.matchMedia !== 'function') return;
      const query = window.matchMedia(REDUCED);
      this.#reduced = query.matches;
      const changed = () => (this.#reduced = query.matches);
      query.addEventListener('change', changed);
      return () => query.removeEventListener('change', changed);
    });
  }

  get on(): boolean {
    return this.#wanted() && !this.#reduced && typeof Element !== 'undefined' && typeof Element.prototype.animate === 'function';
  }
}

/**
 * The graphic on screen, which follows the one wanted with a Web Animation each way: a new one
 * comes in once the old one has gone out, never over it; with motion off, both are cuts. The
 * element of the graphic shown is given to `enter` as it mounts (see OverlayPage.svelte).
 */
export class GraphicSwitch<T> {
  shown: T | null = $state.raw(null);
  shownKey: string = $state('none');
  readonly #motion: OverlayMotion;
  #node: HTMLElement | null = null;
  #leaving: Animation | null = null;
  #wanted: { key: string; value: T | null } = { key: 'none', value: null };

  constructor(motion: OverlayMotion) {
    this.#motion = motion;
  }

  /** The graphic that should be up now (key 'none': nothing). */
  want(key: string, value: T | null): void {
    this.#wanted = { key, value };
    if (key === this.shownKey && !this.#leaving) {
      this.shown = value;
      return;
    }
    if (this.#leaving) {
      if (!this.#motion.on) this.#leaving.finish();
      return;
    }
    const node = this.#node;
    if (!node || !this.#motion.on || this.shownKey === 'none') return this.#swap();
    this.#leaving = node.animate(moves[kindOf(node)].leave, { duration: LEAVE_MS, easing: 'cubic-bezier(0.5, 0, 0.75, 0)', fill: 'forwards' });
    const leaving = this.#leaving;
    leaving.onfinish = () => {
      this.#leaving = null;
      // Wanted back before it had gone: it stays, as it was.
      if (this.#wanted.key === this.shownKey) leaving.cancel();
      this.#swap();
    };
  }

  /** The element of the graphic just shown: it comes in. */
  enter(node: HTMLElement): void {
    if (node === this.#node) return;
    this.#node = node;
    if (this.#motion.on) node.animate(moves[kindOf(node)].enter, { duration: ENTER_MS, easing: 'cubic-bezier(0.2, 0.8, 0.2, 1)' });
  }

  #swap(): void {
    if (this.#wanted.key === 'none') this.#node = null;
    this.shown = this.#wanted.value;
    this.shownKey = this.#wanted.key;
  }
}

function kindOf(node: HTMLElement): MoveKind {
  return node.dataset.move === 'full' ? 'full' : 'lower-third';
}
