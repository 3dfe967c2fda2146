import type { PodiumApi } from './api';

/** The audience link the stage shows under its QR code, from GET /api/ceremonies/:id/links. */
export class AudienceLink {
  url: string | null = $state(null);

  /** Falls back to this origin's /c/:id: the stage should show a link even if the request fails. */
  async load(api: PodiumApi, ceremonyId: string, origin: string): Promise<void> {
    try {
      this.url = (await api.links(ceremonyId)).audience;
    } catch {
      this.url = `${origin}/c/${encodeURIComponent(ceremonyId)}`;
    }
  }

  /** The link as a person types it: no scheme, no trailing slash. */
  get short(): string {
    return (this.url ?? '').replace(/^https?:\/\//, '').replace(/\/$/, '');
  }
}
