import { vi } from 'vitest';

/**
 * A condition wait gives up after 1 s by default (vitest's `vi.waitFor`), which a two-core machine
 * busy with other work can exceed: a socket's first snapshot alone then takes longer. Tests wait
 * for conditions, not for the clock, so the default limit here is only there to end a hung test.
 * A test that gives its own `timeout` keeps it. (expect.poll's default is set in vite.config.ts.)
 */
export const PATIENT_WAIT_MS = 30_000;

const waitFor = vi.waitFor;
vi.waitFor = ((callback: Parameters<typeof waitFor>[0], options?: Parameters<typeof waitFor>[1]) =>
  waitFor(callback, typeof options === 'number' ? options : { timeout: PATIENT_WAIT_MS, ...options })) as typeof waitFor;
