import type { Announcement, CeremonyState } from './state';

/** How long a screen shows an announcement when the operator gives no duration. */
export const ANNOUNCEMENT_MS = 20_000;
export const MIN_ANNOUNCEMENT_MS = 3_000;
export const MAX_ANNOUNCEMENT_MS = 10 * 60_000;

/** The announcement the screens show at `now` (server time): the latest, until cleared or its time is up. */
export function currentAnnouncement(state: CeremonyState, now: number): Announcement | null {
  const latest = state.announcements.at(-1);
  if (!latest || latest.seq <= (state.announcementClearedSeq ?? 0)) return null;
  return now < latest.at + (latest.durationMs ?? ANNOUNCEMENT_MS) ? latest : null;
}

/** Whether an announcement stands (not cleared), whatever the time: what clear_announcement takes down. */
export function standingAnnouncement(state: CeremonyState): Announcement | null {
  const latest = state.announcements.at(-1);
  return latest && latest.seq > (state.announcementClearedSeq ?? 0) ? latest : null;
}
