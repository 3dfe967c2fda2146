import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionStore } from '../../server/storage/event-log';
import { MemorySessionStore } from '../../server/storage/memory-storage';
import { PostgresStorage } from '../../server/storage/postgres-storage';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import { freshSchema } from '../helpers/scale-out-harness';

/** One contract for every SessionStore: `open` gives a store, `reopen` the same data through a new one. */
function sessionStoreContract(name: string, setUp: () => Promise<{ open: () => Promise<SessionStore>; dispose: () => Promise<void> }>) {
  describe(`[S19] SessionStore: ${name}`, () => {
    it('[S19] keeps a revocation until it expires, once per session, and through a reopen', async () => {
      const { open, dispose } = await setUp();
      try {
        const store = await open();
        await store.revoke({ sessionId: 'a', expiresAt: 2000 }, 1000);
        await store.revoke({ sessionId: 'a', expiresAt: 2000 }, 1000);
        await store.revoke({ sessionId: 'b', expiresAt: 5000 }, 1000);
        expect((await store.revoked(1500)).sort((x, y) => x.sessionId.localeCompare(y.sessionId))).toEqual([
          { sessionId: 'a', expiresAt: 2000 },
          { sessionId: 'b', expiresAt: 5000 },
        ]);
        expect(await store.revoked(3000)).toEqual([{ sessionId: 'b', expiresAt: 5000 }]);
        const again = await open();
        expect(await again.revoked(1500)).toHaveLength(2);
        // A later revocation forgets the expired ones.
        await again.revoke({ sessionId: 'c', expiresAt: 9000 }, 6000);
        expect((await again.revoked(0)).map((r) => r.sessionId)).toEqual(['c']);
      } finally {
        await dispose();
      }
    });
  });
}

sessionStoreContract('in memory', async () => {
  const store = new MemorySessionStore();
  return { open: async () => store, dispose: async () => {} };
});

sessionStoreContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-sessions-'));
  const opened: SqliteStorage[] = [];
  return {
    open: async () => {
      opened.at(-1)?.close();
      opened.push(new SqliteStorage(path.join(dir, 'podium.db')));
      return opened.at(-1)!.sessions;
    },
    dispose: async () => {
      for (const s of opened) s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

sessionStoreContract('PostgreSQL', async () => {
  const { url, drop } = await freshSchema();
  const opened: PostgresStorage[] = [];
  return {
    open: async () => {
      await opened.at(-1)?.close();
      opened.push(await PostgresStorage.connect(url));
      return opened.at(-1)!.sessions;
    },
    dispose: async () => {
      for (const s of opened) await s.close().catch(() => undefined);
      await drop();
    },
  };
});
