import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PostgresStorage } from '../../server/storage/postgres-storage';
import { MemoryEventLog, type MemoryStreams } from '../../server/storage/memory-storage';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import { freshSchema } from '../helpers/scale-out-harness';
import { eventLogContract } from './event-log.contract';

eventLogContract('in memory', async () => {
  // What outlives a MemoryEventLog, as the file outlives a SQLite connection.
  const streams: MemoryStreams = new Map();
  const opened: MemoryEventLog[] = [new MemoryEventLog(streams)];
  return {
    log: opened[0]!,
    reopen: async () => {
      await opened[0]!.close();
      const again = new MemoryEventLog(streams);
      opened.push(again);
      return again;
    },
    dispose: async () => {
      for (const log of opened) await log.close();
    },
  };
});

eventLogContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-sqlite-'));
  const file = path.join(dir, 'podium.db');
  const opened: SqliteStorage[] = [new SqliteStorage(file)];
  return {
    log: opened[0]!.events,
    reopen: async () => {
      opened[0]!.close();
      const again = new SqliteStorage(file);
      opened.push(again);
      return again.events;
    },
    dispose: async () => {
      for (const s of opened) s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

eventLogContract('PostgreSQL', async () => {
  const { url, drop } = await freshSchema();
  const opened: PostgresStorage[] = [await PostgresStorage.connect(url)];
  return {
    log: opened[0]!.events,
    reopen: async () => {
      await opened[0]!.close();
      const again = await PostgresStorage.connect(url);
      opened.push(again);
      return again.events;
    },
    dispose: async () => {
      for (const s of opened) await s.close().catch(() => undefined);
      await drop();
    },
  };
});
