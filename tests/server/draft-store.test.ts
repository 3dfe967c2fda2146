import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryDraftStore, type DraftSave, type DraftStore } from '../../server/storage/draft-store';
import { PostgresDraftStore } from '../../server/storage/postgres-draft-store';
import { PostgresStorage } from '../../server/storage/postgres-storage';
import { SqliteDraftStore } from '../../server/storage/sqlite-draft-store';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import { freshSchema } from '../helpers/scale-out-harness';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const draft = (ceremonyId: string, title: string, by = 'Rana'): DraftSave => ({
  ceremonyId,
  definition: { id: ceremonyId, title: { en: title }, date: '2026-12-18', z: 1, a: 2 },
  updatedAt: 1_000,
  updatedBy: by,
  basedOn: null,
});

/** Each implementation, and a second store on the same database (another process) when it has one. */
const implementations: [string, () => Promise<{ store: DraftStore; other: DraftStore }>][] = [
  [
    'memory',
    async () => {
      const store = new MemoryDraftStore();
      return { store, other: store };
    },
  ],
  [
    'SQLite',
    async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'podium-drafts-')), 'podium.db');
      const [a, b] = [new SqliteStorage(file), new SqliteStorage(file)];
      cleanups.push(async () => {
        a.close();
        b.close();
      });
      return { store: new SqliteDraftStore(a.db), other: new SqliteDraftStore(b.db) };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = await freshSchema();
      const [a, b] = [await PostgresStorage.connect(schema.url), await PostgresStorage.connect(schema.url)];
      cleanups.push(async () => {
        await a.close();
        await b.close();
        await schema.drop();
      });
      return { store: await PostgresDraftStore.open(a.pool), other: await PostgresDraftStore.open(b.pool) };
    },
  ],
];

describe.each(implementations)('[S32] the draft store: %s', (_name, open) => {
  it('[S32] a draft starts at revision 1, each save adds one, and is kept as saved (keys in their order)', async () => {
    const { store, other } = await open();
    expect(await store.get('x')).toBeNull();
    expect(await store.save(draft('x', 'One'), null)).toMatchObject({ ceremonyId: 'x', revision: 1, updatedBy: 'Rana', basedOn: null });
    expect(await store.save({ ...draft('x', 'Two', 'Sara'), basedOn: 3, updatedAt: 2_000 }, 1)).toMatchObject({ revision: 2 });
    const kept = await other.get('x');
    expect(kept).toEqual({ ...draft('x', 'Two', 'Sara'), basedOn: 3, updatedAt: 2_000, revision: 2 });
    expect(Object.keys(kept!.definition)).toEqual(['id', 'title', 'date', 'z', 'a']);
  });

  it('[S32] a save made on a stale revision, or a new draft where one exists, is refused and changes nothing', async () => {
    const { store, other } = await open();
    await store.save(draft('x', 'One'), null);
    await store.save(draft('x', 'Two'), 1);
    expect(await other.save(draft('x', 'Stale'), 1)).toBeNull();
    expect(await other.save(draft('x', 'Again'), null)).toBeNull();
    expect(await store.save(draft('y', 'Not there'), 4)).toBeNull();
    expect((await store.get('x'))!.definition.title).toEqual({ en: 'Two' });
    expect(await store.get('y')).toBeNull();
  });

  it('[S32] of saves on the same revision at once, from two processes, exactly one is taken', async () => {
    const { store, other } = await open();
    await store.save(draft('x', 'One'), null);
    const saves = await Promise.all([store, other, store, other].map((s, i) => s.save(draft('x', `Save ${i}`), 1)));
    expect(saves.filter(Boolean)).toHaveLength(1);
    expect((await store.get('x'))!.revision).toBe(2);
    const starts = await Promise.all([store, other].map((s, i) => s.save(draft('z', `Start ${i}`), null)));
    expect(starts.filter(Boolean)).toHaveLength(1);
  });

  it('[S32] a discarded draft is gone; the next draft goes on from the last revision (a stale tab never matches it)', async () => {
    const { store, other } = await open();
    await store.save(draft('x', 'One'), null);
    await store.save(draft('x', 'Two'), 1);
    expect(await other.discard('x', 1)).toBe(false);
    expect(await other.discard('x', 2)).toBe(true);
    expect(await store.get('x')).toBeNull();
    expect(await store.discard('x')).toBe(false);
    expect(await store.save(draft('x', 'Stale tab'), 2)).toBeNull();
    expect(await store.save(draft('x', 'Fresh'), null)).toMatchObject({ revision: 3 });
  });

  it('[S32] keeps an archived flag per ceremony, with or without a draft, and lists both', async () => {
    const { store, other } = await open();
    await store.save(draft('x', 'One'), null);
    await store.setArchived('published-only', true);
    await other.setArchived('x', true);
    await other.setArchived('x', false);
    await other.setArchived('x', true);
    const list = await store.list();
    expect(list.find((r) => r.ceremonyId === 'x')).toEqual({ ceremonyId: 'x', archived: true, draft: { revision: 1, updatedAt: 1_000, updatedBy: 'Rana', basedOn: null, title: { en: 'One' }, date: '2026-12-18' } });
    expect(list.find((r) => r.ceremonyId === 'published-only')).toEqual({ ceremonyId: 'published-only', archived: true, draft: null });
    // Archiving keeps the draft and its revision.
    expect((await store.get('x'))!.revision).toBe(1);
  });
});
