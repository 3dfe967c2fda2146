import fs from 'node:fs';
import path from 'node:path';
import type { CeremonyStore, EventLog, SessionStore } from './event-log';
import { PostgresAppendListener } from './postgres-listener';
import { PostgresStorage, redactUrl } from './postgres-storage';
import { SqliteStorage } from './sqlite-storage';

export interface Storage {
  events: EventLog;
  ceremonies: CeremonyStore;
  /** Logged-out operator sessions (shared by every process of the deployment). */
  sessions: SessionStore;
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
 * PostgreSQL when `databaseUrl` is set (several processes can share it); else the embedded
 * SQLite file under dataDir: the zero-set-up default.
 */
export async function openStorage(options: { dataDir: string; databaseUrl?: string | undefined }): Promise<Storage> {
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    const pg = await PostgresStorage.connect(url);
    return {
      events: pg.events,
      ceremonies: pg.ceremonies,
      sessions: pg.sessions,
      description: `PostgreSQL ${redactUrl(url)}`,
      shared: true,
      watch: (onAppended, onMissed) => PostgresAppendListener.start(url, onAppended, onMissed),
      close: () => pg.close(),
    };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, 'podium.db');
  const sqlite = new SqliteStorage(file);
  return { events: sqlite.events, ceremonies: sqlite.ceremonies, sessions: sqlite.sessions, description: `SQLite ${file}`, shared: false, close: async () => sqlite.close() };
}
