import type { DefinitionDiffLine } from '../../shared/definition-diff';
import { tidyDefinition } from '../../shared/studio';
import { ApiError, type PodiumApi } from './api';
import { SealStatus } from './seal-check.svelte';
import type { Published } from './studio-api';
import type { Studio } from './studio.svelte';

/**
 * The Publish tab's state (S32): what the draft changes since the last published version, the
 * publication itself (the draft saved first, at its revision), and the seal of the results.
 */
export class PublishDesk {
  diff: { lines: DefinitionDiffLine[]; basedOn: number | null } | null = $state(null);
  publishing = $state(false);
  /** What the last publication from this page answered. */
  published: Published | null = $state(null);
  /** The last refusal or failure (of the diff or of publishing), by its code. */
  error: string | null = $state(null);
  readonly seal: SealStatus;
  /** A results correction that waits for a second person's confirmation (S30). */
  askedForSecondKey = $state(false);

  constructor(
    private readonly studio: Studio,
    private readonly api: PodiumApi,
  ) {
    this.seal = new SealStatus(api, () => studio.ceremonyId);
  }

  /** A draft with problems is never published; neither is "no draft" (nothing to publish). */
  get blocked(): boolean {
    return this.studio.problems.length > 0 || this.studio.stamp === null || !this.studio.canEdit || this.studio.current?.liveStarted === true;
  }

  /** The version a publication would make now. */
  get nextVersion(): number {
    return (this.studio.current?.published?.version ?? 0) + 1;
  }

  /** Saves the draft, then reads what it changes and the seal. */
  async load(): Promise<void> {
    const id = this.studio.ceremonyId;
    if (!id) return;
    await this.studio.flush();
    try {
      this.diff = await this.studio.api.diff(id);
      this.error = null;
    } catch (error) {
      this.error = error instanceof ApiError ? error.code : 'network';
    }
    // A ceremony never published has no live run, hence no seal to read.
    if (this.studio.current?.published) await this.seal.load();
  }

  /** Once the live run has begun, the draft may go out as a results correction only (S17). */
  get correctionBlocked(): boolean {
    return this.studio.problems.length > 0 || this.studio.stamp === null || !this.studio.canEdit || this.studio.current?.liveStarted !== true;
  }

  /**
   * Publishes the draft (`correction`: as a results correction of the begun live run). A correction
   * the two-keys policy guards is asked for instead: it happens once another person confirms it.
   */
  async publish(correction = false): Promise<void> {
    const id = this.studio.ceremonyId;
    if (!id || this.publishing) return;
    this.publishing = true;
    this.askedForSecondKey = false;
    try {
      await this.studio.flush();
      const revision = this.studio.stamp?.revision;
      if (revision === undefined || (correction ? this.correctionBlocked : this.blocked)) return;
      try {
        this.published = await this.studio.api.publish(id, revision, correction);
      } catch (error) {
        if (!(correction && error instanceof ApiError && error.code === 'second_key_required')) throw error;
        await this.api.requestApproval(id, { action: 'correction', definition: tidyDefinition($state.snapshot(this.studio.definition)) });
        this.askedForSecondKey = true;
        this.error = null;
        return;
      }
      this.error = null;
      // The list says the new version; the draft is read again (the server may have closed it).
      await this.studio.refreshList();
      await this.studio.open(id, 'publish');
      await this.load();
    } catch (error) {
      this.error = error instanceof ApiError ? error.code : 'network';
    } finally {
      this.publishing = false;
    }
  }
}
