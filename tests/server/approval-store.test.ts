import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryApprovalStore, type ApprovalStore } from '../../server/storage/approval-store';
import { PostgresStorage } from '../../server/storage/postgres-storage';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import { SqliteApprovalStore } from '../../server/storage/sqlite-approval-store';
import { PostgresApprovalStore } from '../../server/storage/postgres-approval-store';
import { DEFAULT_TWO_KEY_POLICY, type Approval, type ApprovalPerson } from '../../shared/two-keys';
import { freshSchema } from '../helpers/scale-out-harness';

const ali: ApprovalPerson = { personId: 'p1', name: 'Ali', role: 'operator', sessionId: 's1' };
const bita: ApprovalPerson = { personId: 'p2', name: 'Bita', role: 'operator', sessionId: 's2' };

function approval(id: string, requestedAt: number, ceremonyId = 'c1'): Approval {
  return { id, ceremonyId, runId: 'live', action: 'retract', summary: { fa: 'خلاصه', en: 'summary' }, requestedBy: ali, requestedAt, expiresAt: requestedAt + 120_000, status: 'pending' };
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const implementations: [string, () => Promise<ApprovalStore>][] = [
  ['memory', async () => new MemoryApprovalStore()],
  [
    'SQLite',
    async () => {
      const storage = new SqliteStorage(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'podium-keys-')), 'podium.db'));
      cleanups.push(async () => storage.close());
      return new SqliteApprovalStore(storage.db);
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = await freshSchema();
      const pg = await PostgresStorage.connect(schema.url);
      cleanups.push(async () => {
        await pg.close();
        await schema.drop();
      });
      return PostgresApprovalStore.open(pg.pool);
    },
  ],
];

describe.each(implementations)('[S30] the two-keys store: %s', (_name, open) => {
  it('[S30] keeps a policy per ceremony, all off by default', async () => {
    const store = await open();
    expect(await store.policy('c1')).toEqual(DEFAULT_TWO_KEY_POLICY);
    await store.setPolicy('c1', { ...DEFAULT_TWO_KEY_POLICY, retract: true, updatedBy: 'Parisa', updatedAt: 5 });
    expect(await store.policy('c1')).toEqual({ ...DEFAULT_TWO_KEY_POLICY, retract: true, updatedBy: 'Parisa', updatedAt: 5 });
    expect(await store.policy('c2')).toEqual(DEFAULT_TWO_KEY_POLICY);
  });

  it('[S30] keeps requests with their payload apart; lists a ceremony’s recent ones, oldest first', async () => {
    const store = await open();
    await store.add(approval('b', 2000), { type: 'retract', commandId: 'b' });
    await store.add(approval('a', 1000), { type: 'retract', commandId: 'a' });
    await store.add(approval('x', 1500, 'c2'), {});
    expect((await store.recent('c1', 0)).map((a) => a.id)).toEqual(['a', 'b']);
    expect((await store.recent('c1', 1500)).map((a) => a.id)).toEqual(['b']);
    expect(await store.get('a')).toEqual(approval('a', 1000));
    expect(await store.payload('b')).toEqual({ type: 'retract', commandId: 'b' });
    expect(await store.get('none')).toBeNull();
  });

  it('[S30] decides once: of parallel decisions exactly one wins; never after expiry; the outcome is kept', async () => {
    const store = await open();
    await store.add(approval('a', 1000), {});
    const wins = await Promise.all([1, 2, 3, 4].map((i) => store.decide('a', { status: 'confirmed', by: { ...bita, sessionId: `s${i}` }, at: 2000 }, 2000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    await store.settle('a', { ok: true, seq: 7 });
    expect(await store.get('a')).toMatchObject({ status: 'confirmed', decidedBy: { name: 'Bita' }, decidedAt: 2000, outcome: { ok: true, seq: 7 } });
    expect(await store.decide('a', { status: 'refused', by: bita, at: 3000 }, 3000)).toBe(false);

    await store.add(approval('late', 1000), {});
    expect(await store.decide('late', { status: 'confirmed', by: bita, at: 121_000 }, 121_000)).toBe(false);
    expect(await store.get('late')).toMatchObject({ status: 'pending' });
  });
});
