import type { PublicEvent } from './events';

/**
 * When a screen shows an event, in server time: the moment the server scheduled for it (a short
 * lead after it was decided, so every screen has it in time) plus the screen's channel delay and
 * the viewer's own nudge. A screen that gets it later shows it at once.
 */
export function displayAt(event: PublicEvent, delayMs: number): number {
  return (event.showAt ?? event.at) + delayMs;
}

/** Splits events waiting for display into those due at `serverNow` (in seq order) and the rest. */
export function dueEvents(pending: readonly PublicEvent[], serverNow: number, delayMs: number): { due: PublicEvent[]; waiting: PublicEvent[] } {
  const sorted = [...pending].sort((a, b) => a.seq - b.seq);
  // Events are shown in seq order: one not yet due holds back those after it.
  const firstWaiting = sorted.findIndex((e) => displayAt(e, delayMs) > serverNow);
  return firstWaiting < 0 ? { due: sorted, waiting: [] } : { due: sorted.slice(0, firstWaiting), waiting: sorted.slice(firstWaiting) };
}

/** Milliseconds until the next waiting event is due, or null when none waits. */
export function msUntilNext(waiting: readonly PublicEvent[], serverNow: number, delayMs: number): number | null {
  const first = waiting[0];
  return first ? Math.max(0, displayAt(first, delayMs) - serverNow) : null;
}
