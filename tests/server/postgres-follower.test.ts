import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CeremonyRun } from '../../server/live/ceremony-run';
import { createLogger } from '../../server/logger';
import { RunFollower } from '../../server/delivery/run-follower';
import { openStorage, type Storage } from '../../server/storage/open-storage';
import { nextCue } from '../../shared/state';
import { seedCeremony } from '../helpers/ceremony-harness';
import { freshSchema, TEST_DATABASE_URL } from '../helpers/scale-out-harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Two "processes" on one PostgreSQL schema: each its storage and its run of the same stream. */
async function twoProcesses(pollEveryMs: number) {
  const schema = await freshSchema();
  cleanups.push(() => schema.drop());
  // Named after the schema, so that this test cuts only its own connections.
  const url = new URL(schema.url);
  url.searchParams.set('application_name', schema.schema);
  const open = async () => {
    const storage: Storage = await openStorage({ dataDir: '/nonexistent', databaseUrl: url.toString() });
    cleanups.push(() => storage.close());
    const run = await CeremonyRun.open('live:egov-award-1399', { version: 1, hash: 'test', definition: seedCeremony() }, storage.events);
    const follower = new RunFollower(createLogger('silent'));
    await follower.start(storage, pollEveryMs);
    cleanups.push(() => follower.close());
    follower.track(run);
    return { storage, run, follower };
  };
  return [await open(), await open(), schema.schema] as const;
}

async function go(run: CeremonyRun, commandId: string) {
  const cue = nextCue(run.current)!;
  const result = await run.handle({ type: 'go', expectedCue: cue.id, commandId }, { actor: 'operator', now: 1000, fallbackCommandId: commandId });
  if (!result.ok) throw new Error(result.error.code);
  return result.seq;
}

describe('following a shared PostgreSQL log', () => {
  it('a run catches up on NOTIFY when another process commits, long before its poll', async () => {
    const [a, b] = await twoProcesses(60_000);
    const origins: string[] = [];
    b.run.onEvents((events, _state, origin) => origins.push(...events.map((e) => `${e.seq}:${origin}`)));
    for (let i = 1; i <= 3; i++) {
      expect(await go(a.run, `a-${i}`)).toBe(i);
      await vi.waitFor(() => expect(b.run.current.seq).toBe(i));
    }
    expect(origins).toEqual(['1:remote', '2:remote', '3:remote']);
  });

  it('when the LISTEN connection is cut, it reconnects and catches up on what it missed meanwhile', async () => {
    const [a, b, name] = await twoProcesses(60_000);
    await go(a.run, 'a-1');
    await vi.waitFor(() => expect(b.run.current.seq).toBe(1));
    // Cut the LISTEN connections (what a PostgreSQL restart or a network cut does).
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    cleanups.push(() => admin.end());
    const cut = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND query ILIKE 'LISTEN%'", [name]);
    expect(cut.rowCount).toBe(2);
    await go(a.run, 'a-2');
    await vi.waitFor(() => expect(b.run.current.seq).toBe(2), { timeout: 10_000 });
    await go(a.run, 'a-3');
    await vi.waitFor(() => expect(b.run.current.seq).toBe(3), { timeout: 10_000 });
  });

  it('without notifications, the poll alone brings a run up to date', async () => {
    const [a, b] = await twoProcesses(100);
    await b.follower.close(); // no LISTEN, no poll
    const follower = new RunFollower(createLogger('silent'));
    await follower.start({ ...b.storage, watch: undefined }, 100);
    cleanups.push(() => follower.close());
    follower.track(b.run);
    await go(a.run, 'a-1');
    await go(a.run, 'a-2');
    await vi.waitFor(() => expect(b.run.current.seq).toBe(2));
  });
});
