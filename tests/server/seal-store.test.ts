import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PostgresSealStore } from '../../server/storage/postgres-seal-store';
import { PostgresStorage } from '../../server/storage/postgres-storage';
import { MemorySealStore, type NewSeal, type SealStore } from '../../server/storage/seal-store';
import { SqliteSealStore } from '../../server/storage/sqlite-seal-store';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import { freshSchema } from '../helpers/scale-out-harness';

const seal = (ceremonyId: string, salt: string): NewSeal => ({
  ceremonyId,
  version: 1,
  salts: { 'a/place-1': salt },
  commitments: [{ cueId: 'a/place-1', commitment: 'c'.repeat(64) }],
  root: 'r'.repeat(64),
  sealedBy: { name: 'Rana', role: 'results_officer' },
  sealedAt: 1_000,
});

/** The seal store's contract, for every implementation. */
function sealStoreContract(name: string, open: () => Promise<{ store: SealStore; reopen?: () => Promise<SealStore>; dispose: () => Promise<void> }>) {
  describe(`seal store: ${name}`, () => {
    it('[S31] numbers seals 1, 2, … per ceremony, keeps their salts, and gives null for an unknown one', async () => {
      const { store, reopen, dispose } = await open();
      try {
        expect(await store.add(seal('x', 's1'))).toMatchObject({ ceremonyId: 'x', sealNo: 1 });
        expect(await store.add(seal('y', 's2'))).toMatchObject({ ceremonyId: 'y', sealNo: 1 });
        expect(await store.add(seal('x', 's3'))).toMatchObject({ ceremonyId: 'x', sealNo: 2 });
        expect(await store.get('x', 1)).toEqual({ ...seal('x', 's1'), sealNo: 1 });
        expect((await store.get('x', 2))!.salts).toEqual({ 'a/place-1': 's3' });
        expect(await store.get('x', 3)).toBeNull();
        if (reopen) expect((await (await reopen()).get('x', 2))!.salts).toEqual({ 'a/place-1': 's3' });
      } finally {
        await dispose();
      }
    });

    it('[S31] two seals made at once get two numbers', async () => {
      const { store, dispose } = await open();
      try {
        const made = await Promise.all([store.add(seal('x', 'a')), store.add(seal('x', 'b')), store.add(seal('x', 'c'))]);
        expect(made.map((s) => s.sealNo).sort()).toEqual([1, 2, 3]);
      } finally {
        await dispose();
      }
    });
  });
}

sealStoreContract('memory', async () => ({ store: new MemorySealStore(), dispose: async () => undefined }));

sealStoreContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-seals-'));
  const file = path.join(dir, 'podium.db');
  const storages: SqliteStorage[] = [new SqliteStorage(file)];
  return {
    store: new SqliteSealStore(storages[0]!.db),
    reopen: async () => {
      const again = new SqliteStorage(file);
      storages.push(again);
      return new SqliteSealStore(again.db);
    },
    dispose: async () => {
      for (const s of storages) s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

sealStoreContract('PostgreSQL', async () => {
  const { url, drop } = await freshSchema();
  const storages: PostgresStorage[] = [await PostgresStorage.connect(url)];
  return {
    store: await PostgresSealStore.open(storages[0]!.pool),
    reopen: async () => {
      const again = await PostgresStorage.connect(url);
      storages.push(again);
      return PostgresSealStore.open(again.pool);
    },
    dispose: async () => {
      for (const s of storages) await s.close();
      await drop();
    },
  };
});

it('[S31] two PostgreSQL processes sealing at once get two numbers', async () => {
  const { url, drop } = await freshSchema();
  const [a, b] = [await PostgresStorage.connect(url), await PostgresStorage.connect(url)];
  try {
    const [sa, sb] = [await PostgresSealStore.open(a.pool), await PostgresSealStore.open(b.pool)];
    const made = await Promise.all([sa.add(seal('x', 'a')), sb.add(seal('x', 'b')), sa.add(seal('x', 'c')), sb.add(seal('x', 'd'))]);
    expect(made.map((s) => s.sealNo).sort()).toEqual([1, 2, 3, 4]);
  } finally {
    await a.close();
    await b.close();
    await drop();
  }
});
