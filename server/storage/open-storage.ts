import fs from 'node:fs';
import path from 'node:path';
import type { CeremonyStore, EventLog } from './event-log';
import { SqliteStorage } from './sqlite-storage';

export interface Storage {
  events: EventLog;
  ceremonies: CeremonyStore;
  /** Where the events are kept, for the start-up message (never with a password). */
  description: string;
  close(): Promise<void>;
}

/** The embedded SQLite file under dataDir: the zero-set-up default. */
export async function openStorage(options: { dataDir: string }): Promise<Storage> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, 'podium.db');
  const sqlite = new SqliteStorage(file);
  return { events: sqlite.events, ceremonies: sqlite.ceremonies, description: `SQLite ${file}`, close: async () => sqlite.close() };
}
