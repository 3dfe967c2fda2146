import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresStorage } from '../../server/storage/postgres-storage';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import { freshSchema } from '../helpers/scale-out-harness';
import { ROOT, startTestServer } from '../helpers/server-harness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-integrity-'));
  dirs.push(dir);
  return dir;
}

const event = (seq: number) => ({ type: 'announced' as const, text: { en: `event ${seq}` }, at: seq, commandId: `c${seq}`, actor: 'operator' });

/** Appends `count` events to a real podium.db in another process that then dies without closing it (as a kill does): they stay in the WAL. */
function writeAndDie(file: string, count: number): void {
  const script = `
    import { SqliteStorage } from ${JSON.stringify(path.join(ROOT, 'server/storage/sqlite-storage.ts'))};
    const storage = new SqliteStorage(${JSON.stringify(file)});
    for (let seq = 1; seq <= ${count}; seq++) await storage.events.append('live:demo', seq - 1, [${JSON.stringify(event(0)).replace('"at":0', '"at":seq').replace('"commandId":"c0"', '"commandId":"c" + seq')}]);
    process.exit(0);
  `;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
}

async function countAfterOpen(file: string): Promise<number> {
  const storage = new SqliteStorage(file);
  try {
    return (await storage.events.read('live:demo')).length;
  } finally {
    storage.close();
  }
}

describe('[S25] the server refuses to start on a damaged log', () => {
  it('[S25] a WAL that is kept after a crash is read back whole (the control case)', async () => {
    const file = path.join(tempDir(), 'podium.db');
    writeAndDie(file, 5);
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(await countAfterOpen(file)).toBe(5);
  });

  it('[S25] a deleted -wal of a database written with WAL and not checkpointed: refused, saying what is missing and how to recover', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'podium.db');
    writeAndDie(file, 5);
    fs.rmSync(`${file}-wal`);
    expect(() => new SqliteStorage(file)).toThrow(/podium\.db-wal is missing, but .*podium\.db-shm records \d+ committed WAL frames/);
    // The whole server refuses to start, with the advice to restore the files together.
    await expect(startTestServer({ dataDir })).rejects.toThrow(/Podium will not start[\s\S]*restore podium\.db together with its podium\.db-wal/);
  });

  it('[S25] a WAL cut short is refused', () => {
    const file = path.join(tempDir(), 'podium.db');
    writeAndDie(file, 5);
    fs.truncateSync(`${file}-wal`, fs.statSync(`${file}-wal`).size - 100);
    expect(() => new SqliteStorage(file)).toThrow(/podium\.db-wal is \d+ bytes, but .* committed WAL frames .*: it was cut short/);
  });

  it('[S25] a gap in a stream (a lost event in the middle) is refused by the seq check', async () => {
    const file = path.join(tempDir(), 'podium.db');
    const storage = new SqliteStorage(file);
    for (let seq = 1; seq <= 4; seq++) await storage.events.append('live:demo', seq - 1, [event(seq)]);
    storage.close();
    const raw = new Database(file);
    raw.prepare('DELETE FROM events WHERE seq = 2').run();
    raw.close();
    expect(() => new SqliteStorage(file)).toThrow(/stream live:demo: 3 events with seq 1\.\.4, expected seq 1\.\.3 without a gap \(1 missing\)/);
  });

  it('[S25] a corrupt page is refused by PRAGMA quick_check; a corrupt header as not a database', async () => {
    const file = path.join(tempDir(), 'podium.db');
    const storage = new SqliteStorage(file);
    for (let seq = 1; seq <= 400; seq++) await storage.events.append('live:demo', seq - 1, [event(seq)]);
    storage.close(); // checkpointed: everything is in podium.db now
    const pageSize = 4096;
    const pages = fs.statSync(file).size / pageSize;
    expect(pages).toBeGreaterThan(4);
    const bytes = fs.readFileSync(file);
    for (let page = 1; page < pages; page++) bytes.fill(0x5a, page * pageSize + 8, (page + 1) * pageSize); // every page but the schema: their cells
    fs.writeFileSync(file, bytes);
    expect(() => new SqliteStorage(file)).toThrow(/Podium will not start[\s\S]*(quick_check|SQLite: )/);
    bytes.fill(0x5a, 0, 100);
    fs.writeFileSync(file, bytes);
    expect(() => new SqliteStorage(file)).toThrow(/Podium will not start[\s\S]*SQLite: file is not a database/);
  });
});

describe('[S25] DATA_DIR is the owner’s only', () => {
  it('[S25] DATA_DIR is 0700 and podium.db, its -wal and -shm, and session-key are 0600, even with umask 022 (the passcode is kept as a hash in podium.db)', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const previous = process.umask(0o022);
    try {
      const t = await startTestServer({ dataDir, env: { OPERATOR_PASSCODE: '' } });
      try {
        const mode = (name: string) => (fs.statSync(path.join(dataDir, name)).mode & 0o777).toString(8);
        expect(mode('.')).toBe('700');
        for (const name of ['podium.db', 'podium.db-wal', 'podium.db-shm', 'session-key']) expect([name, mode(name)]).toEqual([name, '600']);
      } finally {
        await t.stop();
      }
    } finally {
      process.umask(previous);
    }
  });

  it('[S25] files made world-readable by an older version are narrowed to 0600 at start', async () => {
    const dataDir = tempDir();
    fs.chmodSync(dataDir, 0o755);
    new SqliteStorage(path.join(dataDir, 'podium.db')).close();
    fs.writeFileSync(path.join(dataDir, 'session-key'), 'k'.repeat(43), { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, 'podium.db'), 0o644);
    const t = await startTestServer({ dataDir });
    await t.stop();
    for (const name of ['.', 'podium.db', 'session-key']) expect((fs.statSync(path.join(dataDir, name)).mode & 0o077).toString(8)).toBe('0');
  });
});

describe('[S25] PostgreSQL: the same seq check at start', () => {
  it('[S25] a stream with a gap is refused when a process connects', async () => {
    const { url, drop } = await freshSchema();
    try {
      const storage = await PostgresStorage.connect(url);
      for (let seq = 1; seq <= 3; seq++) await storage.events.append('live:demo', seq - 1, [event(seq)]);
      await storage.pool.query("DELETE FROM podium_events WHERE stream_id = 'live:demo' AND seq = 2");
      await storage.close();
      await expect(PostgresStorage.connect(url)).rejects.toThrow(/Podium will not start[\s\S]*stream live:demo: 2 events with seq 1\.\.3[\s\S]*restore the database/);
    } finally {
      await drop();
    }
  });
});
