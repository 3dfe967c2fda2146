import { buildCues } from '../../shared/cues';
import { stateAtCue } from '../../shared/preview-state';
import { ApiError } from './api';
import { CeremonyFeed } from './ceremony-feed.svelte';
import { previewDefinition } from './preview-definition';
import type { StudioApi } from './studio-api';

/** The audience link a ceremony's stage shows, as a QR code (the same library and settings as the server's). */
export async function qrCodeOf(url: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export type PreviewResults = 'stand-ins' | 'real';

export type PreviewScreenStatus =
  | { kind: 'loading' }
  | { kind: 'ready' }
  /** The draft does not pass the server's check: nothing to run. */
  | { kind: 'invalid'; problems: number }
  | { kind: 'no_cue' }
  | { kind: 'failed'; message: string };

/**
 * One cue of a draft as a screen shows it: the draft fetched, checked, run up to the cue in this
 * browser (stateAtCue) and given to the real screen page as a feed without a connection.
 */
export class PreviewScreen {
  status: PreviewScreenStatus = $state({ kind: 'loading' });
  /** What the screen shows: stand-ins unless the real results were asked for and not masked. */
  results: PreviewResults = $state('stand-ins');
  readonly feed = new CeremonyFeed('live');
  /** The stage's QR code, made here: a draft never published has no run whose QR the server could make. */
  qrCodeUrl: string = $state('');

  constructor(
    private readonly api: Pick<StudioApi, 'draft'>,
    readonly ceremonyId: string,
  ) {}

  async load(cueId: string | null, asked: PreviewResults, now: number, audienceUrl: string): Promise<void> {
    try {
      this.qrCodeUrl = await qrCodeOf(audienceUrl);
      const draft = await this.api.draft(this.ceremonyId);
      const checked = previewDefinition(draft.definition, draft.masked);
      if (!checked.ok) {
        this.status = { kind: 'invalid', problems: checked.problems.length };
        return;
      }
      if (cueId !== null && !buildCues(checked.value).some((c) => c.id === cueId)) {
        this.status = { kind: 'no_cue' };
        return;
      }
      // A masked draft has no real results to show: its names are not the winners'.
      this.results = asked === 'real' && !draft.masked ? 'real' : 'stand-ins';
      this.feed.applySnapshot(stateAtCue(checked.value, cueId, { standIns: this.results === 'stand-ins', now }));
      // The screen looks as it does when connected: no "connecting" badge in the preview.
      this.feed.setConnection('live');
      this.status = { kind: 'ready' };
    } catch (error) {
      this.status = { kind: 'failed', message: error instanceof ApiError ? error.code : String(error) };
    }
  }
}
