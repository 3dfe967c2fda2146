import fs from 'node:fs';
import os from 'node:os';
import type Database from 'better-sqlite3';

/** The log cannot be trusted: the server must not start on it (it would serve a shortened log). */
export class StorageIntegrityError extends Error {
  constructor(where: string, problems: readonly string[], howToRecover: string) {
    super(`Podium will not start: ${where} is damaged, so acknowledged events may be missing.\n${problems.map((p) => `  - ${p}`).join('\n')}\n${howToRecover}`);
    this.name = 'StorageIntegrityError';
  }
}

export const SQLITE_RECOVERY =
  'To recover: stop every Podium process, then restore podium.db together with its podium.db-wal and podium.db-shm (if any) from the same backup, or from the disk they were copied from, into DATA_DIR; copy the three files together, never podium.db alone. Then start again.';

/**
 * Checks, before SQLite opens the file, that the write-ahead log holds every frame its index says
 * was committed. After a crash (or a kill) SQLite leaves `-wal` and `-shm`; the shared-memory
 * index in `-shm` records how many WAL frames are committed (mxFrame) and how many are already
 * copied into the database (nBackfill). A missing or shorter `-wal` than that means acknowledged
 * commits are gone, and SQLite would open the older database without a word.
 * (WalIndexHdr and WalCkptInfo, https://www.sqlite.org/walformat.html; native byte order.)
 */
export function walProblems(file: string): string[] {
  const shmFile = `${file}-shm`;
  if (!fs.existsSync(file) || !fs.existsSync(shmFile)) return [];
  const shm = fs.readFileSync(shmFile);
  if (shm.length < 136) return [];
  const read32 = (offset: number) => (os.endianness() === 'LE' ? shm.readUInt32LE(offset) : shm.readUInt32BE(offset));
  const read16 = (offset: number) => (os.endianness() === 'LE' ? shm.readUInt16LE(offset) : shm.readUInt16BE(offset));
  const isInit = shm[12] === 1;
  // Two copies of the header: SQLite trusts it only when they agree.
  if (!isInit || !shm.subarray(0, 48).equals(shm.subarray(48, 96))) return [];
  const mxFrame = read32(16);
  const nBackfill = read32(96);
  const pageSize = read16(14) === 1 ? 65536 : read16(14);
  if (mxFrame === 0 || mxFrame <= nBackfill) return [];
  const walFile = `${file}-wal`;
  const need = 32 + mxFrame * (24 + pageSize);
  if (!fs.existsSync(walFile)) return [`${walFile} is missing, but ${shmFile} records ${mxFrame - nBackfill} committed WAL frames not yet in podium.db`];
  const size = fs.statSync(walFile).size;
  if (size < need) return [`${walFile} is ${size} bytes, but ${shmFile} records ${mxFrame} committed WAL frames (${need} bytes): it was cut short`];
  return [];
}

/** SQLite's own check of the file (`PRAGMA quick_check`): every page and index readable and consistent. */
export function quickCheckProblems(db: Database.Database): string[] {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  return problems.map((p) => `PRAGMA quick_check: ${p}`);
}

/** The streams of a log whose seqs are not exactly 1..n (S4): a gap or a missing start is lost events. */
export interface StreamExtent {
  stream_id: string;
  n: number;
  lo: number;
  hi: number;
}

export function seqProblems(extents: readonly StreamExtent[]): string[] {
  return extents
    .filter((s) => Number(s.lo) !== 1 || Number(s.n) !== Number(s.hi))
    .map((s) => `stream ${s.stream_id}: ${s.n} events with seq ${s.lo}..${s.hi}, expected seq 1..${s.n} without a gap (${Number(s.hi) - Number(s.n)} missing)`);
}

/** One query for every stream's count and seq range: a scan of the primary key, once at start-up. */
export const STREAM_EXTENTS_SQL = 'SELECT stream_id, COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi FROM events GROUP BY stream_id';
