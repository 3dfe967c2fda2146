import fs from 'node:fs';
import path from 'node:path';
import type { CeremonyStore, EventLog, SessionStore } from './event-log';
import type { PeopleStore } from './people-store';
import { PostgresAppendListener } from './postgres-listener';
import { PostgresPeopleStore } from './postgres-people-store';
import { PostgresSealStore } from './postgres-seal-store';
import type { SealStore } from './seal-store';
import type { ImageStore } from './image-store';
import { PostgresImageStore } from './postgres-image-store';
import { SqliteImageStore } from './sqlite-image-store';
import { SqliteSealStore } from './sqlite-seal-store';
import { PostgresStorage, redactUrl } from './postgres-storage';
import { SqlitePeopleStore } from './sqlite-people-store';
import { SqliteStorage } from './sqlite-storage';
import type { ApprovalStore } from './approval-store';
import { PostgresApprovalStore } from './postgres-approval-store';
import { SqliteApprovalStore } from './sqlite-approval-store';
import type { DraftStore } from './draft-store';
import { PostgresDraftStore } from './postgres-draft-store';
import { SqliteDraftStore } from './sqlite-draft-store';

export interface Storage {
  events: EventLog;
  ceremonies: CeremonyStore;
  /** Logged-out operator sessions (shared by every process of the deployment). */
  sessions: SessionStore;
  /** The crew: people, invitations, API tokens, sign-ins (S29). */
  people: PeopleStore;
  /** The results' seals, with their secret salts (S31). */
  seals: SealStore;
  /** Two keys (S30): each ceremony's policy and the requests for a second person's confirmation. */
  approvals: ApprovalStore;
  /** The studio's drafts and archived flags (S32). */
  drafts: DraftStore;
  /** The studio's uploaded images (logos, photos), by the sha256 of their bytes (S32). */
  images: ImageStore;
  /** Where the events are kept, for the start-up message (never with a password). */
  description: string;
  /** Whether other processes may append to the same log (then this one must catch up). */
  shared: boolean;
  /**
   * Calls `onAppended(streamId)` when any process commits to the log, and `onMissed()` when
   * notifications may have been lost (a dropped connection). Only a shared log has it.
   */
  watch?(onAppended: (streamId: string) => void, onMissed: () => void): Promise<{ close(): Promise<void> }>;
  close(): Promise<void>;
}

/**
 * Makes `dir` (0700) and runs `open` with umask 077, so that the files it creates are the owner's
 * only from their first byte; then sets `files` that exist to 0600 (older ones, made world-readable
 * before). podium.db holds every secret result.
 */
export function privately<T>(dir: string, open: () => T, files: readonly string[]): T {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  const previous = process.umask(0o077);
  try {
    return open();
  } finally {
    process.umask(previous);
    for (const name of files) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
    }
  }
}

/**
 * PostgreSQL when `databaseUrl` is set (several processes can share it); else the embedded
 * SQLite file under dataDir: the zero-set-up default.
 */
export async function openStorage(options: { dataDir: string; databaseUrl?: string | undefined }): Promise<Storage> {
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    const pg = await PostgresStorage.connect(url);
    const seals = await PostgresSealStore.open(pg.pool);
    const [approvals, drafts] = await Promise.all([PostgresApprovalStore.open(pg.pool), PostgresDraftStore.open(pg.pool)]).catch(async (error: unknown) => {
      await pg.close();
      throw error;
    });
    const images = await PostgresImageStore.open(pg.pool);
    return {
      events: pg.events,
      ceremonies: pg.ceremonies,
      sessions: pg.sessions,
      people: await PostgresPeopleStore.start(pg.pool),
      seals,
      approvals,
      drafts,
      images,
      description: `PostgreSQL ${redactUrl(url)}`,
      shared: true,
      watch: (onAppended, onMissed) => PostgresAppendListener.start(url, onAppended, onMissed),
      close: () => pg.close(),
    };
  }
  const file = path.join(options.dataDir, 'podium.db');
  const sqlite = privately(options.dataDir, () => new SqliteStorage(file), ['podium.db', 'podium.db-wal', 'podium.db-shm']);
  return {
    events: sqlite.events,
    ceremonies: sqlite.ceremonies,
    sessions: sqlite.sessions,
    people: new SqlitePeopleStore(sqlite.db),
    seals: new SqliteSealStore(sqlite.db),
    approvals: new SqliteApprovalStore(sqlite.db),
    drafts: new SqliteDraftStore(sqlite.db),
    images: new SqliteImageStore(sqlite.db),
    description: `SQLite ${file}`,
    shared: false,
    close: async () => sqlite.close(),
  };
}
