import { LIVE_RUN_ID, REPLAY_ID_PATTERN } from '../../shared/runs';
import type { PodiumApi } from './api';

/** The audience link the stage shows under its QR code, from GET /api/ceremonies/:id/links. */
export class AudienceLink {
  url: string | null = $state(null);

  /**
   * The audience link of the screen's run. Falls back to this origin's /c/:id: the stage should
   * show a link even if the request fails (and a replay room has no links of the server's).
   */
  async load(api: PodiumApi, ceremonyId: string, origin: string, runId: string = LIVE_RUN_ID, key?: string): Promise<void> {
    if (REPLAY_ID_PATTERN.test(runId)) {
      this.url = this.fallback(ceremonyId, origin, runId, key);
      return;
    }
    try {
      this.url = (await api.links(ceremonyId, runId, key)).audience;
    } catch {
      this.url = this.fallback(ceremonyId, origin, runId, key);
    }
  }

  fallback(ceremonyId: string, origin: string, runId: string = LIVE_RUN_ID, key?: string): string {
    if (runId === LIVE_RUN_ID) return `${origin}/c/${encodeURIComponent(ceremonyId)}`;
    const query = new URLSearchParams({ run: runId, ...(key ? { key } : {}) });
    return `${origin}/c/${encodeURIComponent(ceremonyId)}?${query}`;
  }

  /** The link as a person types it: no scheme, no trailing slash. */
  get short(): string {
    return (this.url ?? '').replace(/^https?:\/\//, '').replace(/\/$/, '');
  }
}
