import { cubicIn, cubicOut } from 'svelte/easing';
import type { TransitionConfig } from 'svelte/transition';

/** How long a graphic takes to come in and to go (ms). Out is shorter: the next one waits for it. */
export const ENTER_MS = 520;
export const LEAVE_MS = 280;

const REDUCED = '(prefers-reduced-motion: reduce)';

/**
 * Whether the overlay may move: not with `?motion=off` (the mixer wants cuts), not when the
 * viewer asks for reduced motion, and not where the browser has no Web Animations (Svelte's
 * transitions need them). Every transition then has a duration of 0: in and out are cuts.
 */
export class OverlayMotion {
  #reduced = $state(false);

  constructor(private readonly wanted: () => boolean) {
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
    return this.wanted() && !this.#reduced && typeof Element !== 'undefined' && typeof Element.prototype.animate === 'function';
  }
}

export interface MoveParams {
  /** false: a cut (duration 0). */
  on: boolean;
  /** Wait before coming in (the previous graphic going out). */
  delay?: number;
}

/** A lower third rises into place and fades in; goes down a little and fades out. Transform and opacity only. */
export function lowerThirdIn(_node: Element, { on, delay = 0 }: MoveParams): TransitionConfig {
  if (!on) return { duration: 0 };
  return { duration: ENTER_MS, delay, easing: cubicOut, css: (t, u) => `opacity: ${t}; transform: translateY(${u * 1.4}em)` };
}

export function lowerThirdOut(_node: Element, { on }: MoveParams): TransitionConfig {
  if (!on) return { duration: 0 };
  return { duration: LEAVE_MS, easing: cubicIn, css: (t, u) => `opacity: ${t}; transform: translateY(${u * 0.7}em)` };
}

/** The full-frame graphic settles from slightly larger; leaves by fading. */
export function fullFrameIn(_node: Element, { on, delay = 0 }: MoveParams): TransitionConfig {
  if (!on) return { duration: 0 };
  return { duration: ENTER_MS + 120, delay, easing: cubicOut, css: (t, u) => `opacity: ${t}; transform: scale(${1 + u * 0.04})` };
}

export function fullFrameOut(_node: Element, { on }: MoveParams): TransitionConfig {
  if (!on) return { duration: 0 };
  return { duration: LEAVE_MS, easing: cubicIn, css: (t, u) => `opacity: ${t}; transform: scale(${1 - u * 0.02})` };
}
