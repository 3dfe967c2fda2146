import { buildCues, type Cue } from '../../shared/cues';
import type { DraftDefinition } from '../../shared/studio';
import type { Language } from '../../shared/text';
import { ApiError, type PodiumApi } from './api';
import { previewDefinition } from './preview-definition';
import type { PreviewResults } from './studio-preview-screen.svelte';
import type { Studio } from './studio.svelte';

/** The screens a cue is previewed on: the audience page at a desk's size or a phone's. */
export const PreviewViews = ['audience', 'stage', 'overlay', 'phone'] as const;
export type PreviewView = (typeof PreviewViews)[number];
export type PreviewLanguages = Language | 'both';

/** The preview page of one cue on one screen, as the frames load it. */
export function previewUrl(ceremonyId: string, cueId: string | null, view: PreviewView, results: PreviewResults, lang: Language): string {
  const query = new URLSearchParams({ ceremony: ceremonyId, ...(cueId ? { cue: cueId } : {}), view, results, lang });
  return `/operator/studio/preview?${query}`;
}

/** What the frames show: set only once the draft is saved, so a frame never shows an older one. */
export interface ShownPreview {
  cueId: string | null;
  view: PreviewView;
  results: PreviewResults;
  languages: Language[];
}

/**
 * The Preview tab's state (S32): which cue, screen, language and results the frames show, and the
 * one click to a stand-in rehearsal of the published version.
 */
export class PreviewDesk {
  cueId: string | null = $state(null);
  view: PreviewView = $state('stage');
  languages: PreviewLanguages = $state('fa');
  results: PreviewResults = $state('stand-ins');
  shown: ShownPreview | null = $state(null);
  starting = $state(false);
  /** The last refusal of a rehearsal, by its code. */
  error: string | null = $state(null);

  /** The draft as the preview runs it: checked (a masked draft with placeholders for its hidden names). */
  readonly #checked = $derived.by(() => previewDefinition($state.snapshot(this.studio.definition) as DraftDefinition, this.studio.masked));
  /** How many problems stop the preview (none for a masked draft's hidden results). */
  readonly problemCount: number = $derived(this.#checked.ok ? 0 : this.#checked.problems.length);
  /** The draft's cues when it passes the check; empty when it does not (the tab then says why). */
  readonly cues: Cue[] = $derived(this.#checked.ok ? buildCues(this.#checked.value) : []);

  constructor(
    private readonly studio: Studio,
    private readonly api: Pick<PodiumApi, 'startRehearsal'>,
    private readonly go: (url: string) => void = (url) => location.assign(url),
  ) {}

  /** The cue list's positions: before the show, then every cue. */
  get positions(): (string | null)[] {
    return [null, ...this.cues.map((c) => c.id)];
  }

  /** Moves the cue by `step` (arrow keys), staying within the list. */
  move(step: number): void {
    const positions = this.positions;
    const i = Math.max(0, positions.indexOf(this.cueId));
    this.cueId = positions[Math.min(positions.length - 1, Math.max(0, i + step))] ?? null;
  }

  /** Saves the draft, then shows the current choice in the frames. */
  async show(): Promise<void> {
    await this.studio.flush();
    const results = this.results === 'real' && this.studio.seesResults ? 'real' : 'stand-ins';
    const known = this.cueId === null || this.cues.some((c) => c.id === this.cueId);
    this.shown = { cueId: known ? this.cueId : null, view: this.view, results, languages: this.languages === 'both' ? ['fa', 'en'] : [this.languages] };
  }

  /** Starts a stand-in rehearsal of the published version and opens the console on it. */
  async rehearse(): Promise<void> {
    const id = this.studio.ceremonyId;
    if (!id || !this.studio.current?.published || this.starting) return;
    this.starting = true;
    try {
      const started = await this.api.startRehearsal(id, { realResults: false });
      this.error = null;
      this.go(`/operator?${new URLSearchParams({ ceremony: id, run: started.runId })}`);
    } catch (error) {
      this.error = error instanceof ApiError ? error.code : 'network';
    } finally {
      this.starting = false;
    }
  }
}
