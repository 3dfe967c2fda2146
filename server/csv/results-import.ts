import { Worker } from 'node:worker_threads';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { importResultsRows } from '../../shared/csv-import';
import type { ParseResult } from '../../shared/validation';
import { readCsv } from './csv';

/**
 * Below this size a CSV is read on the event loop: it takes a few tens of milliseconds, less
 * than starting a worker (about a second). A 20,000-row CSV (1.4 MB) took 1.2 s of CPU
 * (docs/performance.md), which no screen's heartbeat may wait for.
 */
export const INLINE_CSV_BYTES = 64 * 1024;

/** A results CSV (docs/ceremony-format.md) read and applied to a definition; every problem listed, or the first of a malformed CSV. */
export function importResultsCsv(definition: CeremonyDefinition, csv: string): ParseResult<CeremonyDefinition> {
  const read = readCsv(csv);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  return importResultsRows(definition, read.rows);
}

/** The same, off the event loop for a large CSV: in a worker thread, which ends with the answer. */
export function importResultsCsvOffLoop(definition: CeremonyDefinition, csv: string): Promise<ParseResult<CeremonyDefinition>> {
  if (csv.length < INLINE_CSV_BYTES) return Promise.resolve(importResultsCsv(definition, csv));
  return new Promise((resolve, reject) => {
    // A plain-JS entry that loads the TypeScript worker through tsx, under `tsx` and under vitest alike.
    const worker = new Worker(new URL('./results-import-worker.mjs', import.meta.url), { workerData: { definition, csv } });
    worker.once('message', (json: string) => {
      resolve(JSON.parse(json) as ParseResult<CeremonyDefinition>);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the results import worker stopped (exit code ${code}) before answering`)));
  });
}
