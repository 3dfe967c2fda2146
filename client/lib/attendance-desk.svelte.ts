import type { Attendance } from '../../shared/ceremony';
import type { PodiumApi } from './api';
import { serverError, type ServerError } from './server-errors';

/** One recipient of one reveal, as the console's preview lists them. */
export const attendanceKey = (cueId: string, recipientIndex: number) => `${cueId}#${recipientIndex}`;

/**
 * A recipient's attendance set live from the console (S34): one request at a time, so a second
 * press (or Enter) while one is on its way sends nothing; what the last one got, per recipient.
 */
export class AttendanceDesk {
  /** The recipient whose attendance is being sent. */
  pending: string | null = $state(null);
  /** The outcome of the last request, for the recipient it was about. */
  outcome: { key: string; ok: true } | { key: string; ok: false; error: ServerError } | null = $state.raw(null);

  readonly #api: PodiumApi;
  readonly #ceremonyId: () => string | null;

  constructor(api: PodiumApi, ceremonyId: () => string | null) {
    this.#api = api;
    this.#ceremonyId = ceremonyId;
  }

  /** Sends it; false when refused, failed, or not sent because another is on its way. */
  async set(cueId: string, recipientIndex: number, attendance: Attendance, version: number | null): Promise<boolean> {
    const ceremonyId = this.#ceremonyId();
    if (this.pending !== null || !ceremonyId) return false;
    const key = attendanceKey(cueId, recipientIndex);
    this.pending = key;
    this.outcome = null;
    try {
      await this.#api.setAttendance(ceremonyId, { cueId, recipientIndex, attendance, ...(version !== null ? { version } : {}) });
      this.outcome = { key, ok: true };
      return true;
    } catch (error) {
      this.outcome = { key, ok: false, error: serverError(error) };
      return false;
    } finally {
      this.pending = null;
    }
  }

  reset(): void {
    this.outcome = null;
  }
}
