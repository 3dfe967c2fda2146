import type { DraftDefinition, DraftStamp } from '../../shared/studio';

/**
 * The studio's drafts (S32): per ceremony at most one draft (a definition being edited, possibly
 * invalid) and whether the ceremony is archived. Each save adds one to the revision, and a save
 * names the revision it was made on: a stale one is refused, atomically, so two tabs or two
 * processes never overwrite each other. Revisions are never reused within a ceremony (a draft
 * started after a discard or a publish goes on from the last number), so a tab holding a revision
 * of a draft that is gone can never overwrite a newer one.
 */
export interface StoredDraft extends DraftStamp {
  ceremonyId: string;
  definition: DraftDefinition;
}

/** One ceremony the studio knows of: its archived flag and its draft's stamp (not its definition). */
export interface StudioRecord {
  ceremonyId: string;
  archived: boolean;
  /** The draft's stamp, title and date as saved (any JSON: a draft may be invalid); null without a draft. */
  draft: (DraftStamp & { title: unknown; date: unknown }) | null;
}

export interface DraftSave {
  ceremonyId: string;
  definition: DraftDefinition;
  updatedAt: number;
  updatedBy: string;
  basedOn: number | null;
}

/** Where drafts are kept (SQLite, PostgreSQL, memory). */
export interface DraftStore {
  get(ceremonyId: string): Promise<StoredDraft | null>;
  /**
   * Saves a draft made on `revision` (null: there was no draft, start one). Answers the saved draft,
   * or null when the stored draft is not at that revision (someone saved since, or discarded it).
   */
  save(draft: DraftSave, revision: number | null): Promise<StoredDraft | null>;
  /** Drops the draft (only at `revision` when given); false when there was none (at that revision). */
  discard(ceremonyId: string, revision?: number): Promise<boolean>;
  setArchived(ceremonyId: string, archived: boolean): Promise<void>;
  /** Every ceremony with a draft or an archived flag. */
  list(): Promise<StudioRecord[]>;
}

/** A draft's definition as a stored text. */
export const draftText = (definition: DraftDefinition): string => JSON.stringify(definition);

/** For tests of the layers above; the same contract as the durable ones. */
export class MemoryDraftStore implements DraftStore {
  private readonly rows = new Map<string, { archived: boolean; revision: number; draft: StoredDraft | null }>();

  async get(ceremonyId: string): Promise<StoredDraft | null> {
    const draft = this.rows.get(ceremonyId)?.draft;
    return draft ? structuredClone(draft) : null;
  }

  async save(draft: DraftSave, revision: number | null): Promise<StoredDraft | null> {
    const row = this.rows.get(draft.ceremonyId) ?? { archived: false, revision: 0, draft: null };
    if (revision === null ? row.draft !== null : row.draft?.revision !== revision) return null;
    const saved: StoredDraft = { ...structuredClone(draft), revision: row.revision + 1 };
    this.rows.set(draft.ceremonyId, { ...row, revision: saved.revision, draft: saved });
    return structuredClone(saved);
  }

  async discard(ceremonyId: string, revision?: number): Promise<boolean> {
    const row = this.rows.get(ceremonyId);
    if (!row?.draft || (revision !== undefined && row.draft.revision !== revision)) return false;
    row.draft = null;
    return true;
  }

  async setArchived(ceremonyId: string, archived: boolean): Promise<void> {
    const row = this.rows.get(ceremonyId) ?? { archived: false, revision: 0, draft: null };
    this.rows.set(ceremonyId, { ...row, archived });
  }

  async list(): Promise<StudioRecord[]> {
    return [...this.rows].map(([ceremonyId, row]) => ({
      ceremonyId,
      archived: row.archived,
      draft: row.draft ? { ...stampOf(row.draft), title: structuredClone(row.draft.definition.title), date: row.draft.definition.date } : null,
    }));
  }
}

export function stampOf(draft: DraftStamp): DraftStamp {
  return { revision: draft.revision, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy, basedOn: draft.basedOn };
}

/** The columns both SQL stores read. */
export interface DraftRow {
  ceremony_id: string;
  revision: number;
  draft: string | null;
  updated_at: number | string | null;
  updated_by: string | null;
  based_on: number | null;
}

export function draftFromRow(row: DraftRow): StoredDraft | null {
  if (row.draft === null) return null;
  return {
    ceremonyId: row.ceremony_id,
    definition: JSON.parse(row.draft) as DraftDefinition,
    revision: row.revision,
    updatedAt: Number(row.updated_at),
    updatedBy: row.updated_by ?? '',
    basedOn: row.based_on,
  };
}

export function recordFromRow(row: DraftRow, archived: boolean): StudioRecord {
  const draft = draftFromRow(row);
  return { ceremonyId: row.ceremony_id, archived, draft: draft ? { ...stampOf(draft), title: draft.definition.title, date: draft.definition.date } : null };
}
