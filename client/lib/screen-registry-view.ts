import type { Channel } from '../../shared/channels';
import type { CeremonyEvent } from '../../shared/events';
import type { Presence, ScreenInfo } from '../../shared/protocol';
import { DelegateLocations, type DelegateLocation } from '../../shared/roles';
import type { CeremonyState } from '../../shared/state';

/** What the operator's registry derives from the server's list. Pure, so it is tested alone. */

export interface LastReveal {
  cueId: string;
  seq: number;
  /** When screens on the hall channel show it (server time). */
  showAt: number;
}

/** Has this screen put the last reveal on screen: yes, not yet (its channel's delay), or no. */
export type RenderStatus = 'shown' | 'waiting' | 'missed' | 'none';

/** Time a screen gets past its moment to say "rendered" before it is flagged. */
export const RENDER_GRACE_MS = 3_000;

export function lastReveal(state: CeremonyState, recent: readonly CeremonyEvent[]): LastReveal | null {
  const cueId = state.lastRevealCueId;
  if (!cueId) return null;
  const event = recent.findLast((e) => e.type === 'result_revealed' && e.cueId === cueId);
  if (event) return { cueId, seq: event.seq, showAt: event.showAt ?? event.at };
  const result = Object.values(state.results)
    .flat()
    .find((r) => r.cueId === cueId);
  return result ? { cueId, seq: result.seq, showAt: result.at } : null;
}

export function renderStatus(screen: ScreenInfo, reveal: LastReveal | null, channels: Record<string, Channel>, now: number): RenderStatus {
  if (!reveal) return 'none';
  if (screen.renderedCueId === reveal.cueId && screen.renderedSeq >= reveal.seq) return 'shown';
  // A screen shows a reveal after its channel's delay and its viewer's own ("I am watching the stream").
  const due = reveal.showAt + (channels[screen.channel]?.delayMs ?? 0) + (screen.nudgeMs ?? 0) + RENDER_GRACE_MS;
  return now < due ? 'waiting' : 'missed';
}

/** How many of each key: screens by role, or by channel. */
export function countBy<K extends string>(screens: readonly ScreenInfo[], key: (s: ScreenInfo) => K): [K, number][] {
  const counts = new Map<K, number>();
  for (const screen of screens) counts.set(key(screen), (counts.get(key(screen)) ?? 0) + 1);
  return [...counts.entries()];
}

export type PresenceStatus = { kind: 'present'; hall: number; remote: number } | { kind: 'absent' };

/** Whether an organization's delegates are connected, and from where. */
export function presenceOf(presence: Presence, organizationId: string): PresenceStatus {
  const entry = presence[organizationId];
  const counts = Object.fromEntries(DelegateLocations.map((l) => [l, entry?.[l] ?? 0])) as Record<DelegateLocation, number>;
  return counts.hall + counts.remote > 0 ? { kind: 'present', ...counts } : { kind: 'absent' };
}
