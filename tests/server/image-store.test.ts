import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryImageStore, type ImageStore, type StoredImage } from '../../server/storage/image-store';
import { PostgresImageStore } from '../../server/storage/postgres-image-store';
import { PostgresStorage } from '../../server/storage/postgres-storage';
import { SqliteImageStore } from '../../server/storage/sqlite-image-store';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import { pngBytes } from '../helpers/image-bytes';
import { freshSchema } from '../helpers/scale-out-harness';

function image(width: number, ceremonyId = 'sample-awards'): StoredImage {
  const bytes = pngBytes(width, 2);
  return { id: createHash('sha256').update(bytes).digest('hex'), ceremonyId, type: 'image/png', width, height: 2, bytes: new Uint8Array(bytes) };
}

/** The image store's contract, for every implementation. */
function imageStoreContract(name: string, open: () => Promise<{ store: ImageStore; reopen?: () => Promise<ImageStore>; dispose: () => Promise<void> }>) {
  describe(`image store: ${name}`, () => {
    it('[S32] keeps an image byte for byte, once per id (the first upload stays), null for an unknown id', async () => {
      const { store, reopen, dispose } = await open();
      try {
        const a = image(3);
        await store.put(a);
        await store.put({ ...a, ceremonyId: 'another' });
        await store.put(image(4));
        expect(await store.get(a.id)).toEqual(a);
        expect((await store.get(image(4).id))!.width).toBe(4);
        expect(await store.get('0'.repeat(64))).toBeNull();
        if (reopen) expect(Buffer.from((await (await reopen()).get(a.id))!.bytes).equals(Buffer.from(a.bytes))).toBe(true);
      } finally {
        await dispose();
      }
    });
  });
}

imageStoreContract('memory', async () => ({ store: new MemoryImageStore(), dispose: async () => undefined }));

imageStoreContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-images-'));
  const file = path.join(dir, 'podium.db');
  const storages: SqliteStorage[] = [new SqliteStorage(file)];
  return {
    store: new SqliteImageStore(storages[0]!.db),
    reopen: async () => {
      const again = new SqliteStorage(file);
      storages.push(again);
      return new SqliteImageStore(again.db);
    },
    dispose: async () => {
      for (const s of storages) s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

imageStoreContract('PostgreSQL', async () => {
  const { url, drop } = await freshSchema();
  const storages: PostgresStorage[] = [await PostgresStorage.connect(url)];
  return {
    store: await PostgresImageStore.open(storages[0]!.pool),
    reopen: async () => {
      const again = await PostgresStorage.connect(url);
      storages.push(again);
      return PostgresImageStore.open(again.pool);
    },
    dispose: async () => {
      for (const s of storages) await s.close();
      await drop();
    },
  };
});

it('[S32] two PostgreSQL processes putting the same image at once keep it once', async () => {
  const { url, drop } = await freshSchema();
  const [a, b] = [await PostgresStorage.connect(url), await PostgresStorage.connect(url)];
  try {
    const [sa, sb] = await Promise.all([PostgresImageStore.open(a.pool), PostgresImageStore.open(b.pool)]);
    await Promise.all([sa.put(image(5)), sb.put(image(5, 'other')), sa.put(image(5))]);
    expect((await sb.get(image(5).id))!.bytes).toEqual(image(5).bytes);
  } finally {
    await a.close();
    await b.close();
    await drop();
  }
});
