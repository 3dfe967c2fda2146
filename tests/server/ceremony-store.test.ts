import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { definitionHash, type CeremonyStore } from '../../server/storage/event-log';
import { MemoryCeremonyStore } from '../../server/storage/memory-storage';
import { PostgresStorage } from '../../server/storage/postgres-storage';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import { sampleCeremony } from '../helpers/ceremony-harness';
import { freshSchema } from '../helpers/scale-out-harness';

/** Every CeremonyStore keeps every version of a definition, numbered from 1, with its hash. */
function ceremonyStoreContract(name: string, open: () => Promise<{ store: CeremonyStore; dispose: () => Promise<void> }>) {
  describe(`CeremonyStore contract: ${name}`, () => {
    it('[S17] numbers versions from 1 per ceremony, hashes their content, and keeps the old ones', async () => {
      const { store, dispose } = await open();
      try {
        const first = sampleCeremony();
        const second = { ...structuredClone(first), title: { fa: 'نسخهٔ دوم', en: 'Second version' } };
        expect(await store.get(first.id)).toBeNull();
        const v1 = await store.put(first);
        const v2 = await store.put(second);
        expect([v1.version, v2.version]).toEqual([1, 2]);
        expect(v1.hash).toBe(definitionHash(first));
        expect(v2.hash).not.toBe(v1.hash);
        expect(await store.get(first.id)).toEqual(v2);
        expect(await store.version(first.id, 1)).toEqual(v1);
        expect(await store.version(first.id, 3)).toBeNull();
        expect((await store.list()).map((d) => d.title.en)).toEqual(['Second version']);
      } finally {
        await dispose();
      }
    });
  });
}

ceremonyStoreContract('in memory', async () => ({ store: new MemoryCeremonyStore(), dispose: async () => {} }));

ceremonyStoreContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-store-'));
  const storage = new SqliteStorage(path.join(dir, 'podium.db'));
  return {
    store: storage.ceremonies,
    dispose: async () => {
      storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

ceremonyStoreContract('PostgreSQL', async () => {
  const { url, drop } = await freshSchema();
  const storage = await PostgresStorage.connect(url);
  return {
    store: storage.ceremonies,
    dispose: async () => {
      await storage.close();
      await drop();
    },
  };
});

describe('a SQLite file from before versions and command ids were kept', () => {
  it('[S2][S17] its definition becomes version 1 and its applied command ids are refused again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-old-'));
    const file = path.join(dir, 'podium.db');
    try {
      const old = new Database(file);
      old.exec(`CREATE TABLE events (stream_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, at INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (stream_id, seq)) WITHOUT ROWID;
        CREATE TABLE ceremonies (id TEXT PRIMARY KEY, definition TEXT NOT NULL);`);
      const definition = sampleCeremony();
      old.prepare('INSERT INTO ceremonies (id, definition) VALUES (?, ?)').run(definition.id, JSON.stringify(definition));
      const body = { type: 'cue_started', cueId: 'opening', at: 1, seq: 1, commandId: 'old-press', actor: 'operator' };
      old.prepare('INSERT INTO events VALUES (?, 1, ?, 1, ?)').run('live:sample-awards', 'cue_started', JSON.stringify(body));
      old.close();

      const storage = new SqliteStorage(file);
      try {
        expect(await storage.ceremonies.get(definition.id)).toEqual({ version: 1, hash: definitionHash(definition), definition });
        await expect(storage.events.append('live:sample-awards', 1, [{ type: 'cue_started', cueId: 'x', at: 2, commandId: 'old-press', actor: 'operator' }])).rejects.toThrow(/applied already/);
      } finally {
        storage.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
