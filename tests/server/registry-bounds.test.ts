import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_STAGE_SCREENS_PER_RUN, type RegistryMessage } from '../../shared/protocol';
import { login, startTestServer, TestOperator, type TestServer } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
const open: { stop(): Promise<void> }[] = [];
const closing: { close(): void }[] = [];
afterEach(async () => {
  for (const s of closing.splice(0)) s.close();
  for (const s of open.splice(0)) await s.stop();
});

/** A stage screen with the right key; resolves with its socket once admitted, or the refusal's code. */
function stageScreen(t: TestServer, name: string): Promise<Socket | string> {
  const socket = io(t.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { ceremonyId: SEED, role: 'stage', screenKey: t.server.auth.screenKey(SEED, 'stage'), name } });
  closing.push({ close: () => socket.disconnect() });
  return new Promise((resolve) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', (error: Error & { data?: { code: string } }) => resolve(error.data?.code ?? error.message));
  });
}

const diffs = (messages: readonly RegistryMessage[]) => messages.filter((m): m is Extract<RegistryMessage, { kind: 'diff' }> => m.kind === 'diff');

describe('the registry under many screens', () => {
  it('[S21] 300 keyed stage screens: the run admits 100, refuses the rest with too_many_screens; consoles get the list once, then diffs; GO stays quick', async () => {
    const t = await startTestServer();
    open.push(t);
    const token = await login(t.url);
    const op = new TestOperator(t.url, SEED, token);
    closing.push(op);
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => stageScreen(t, `stage ${i}`)));
    const admitted = answers.filter((a): a is Socket => typeof a !== 'string');
    expect(admitted).toHaveLength(MAX_STAGE_SCREENS_PER_RUN);
    expect(answers.filter((a) => a === 'too_many_screens')).toHaveLength(300 - MAX_STAGE_SCREENS_PER_RUN);
    await vi.waitFor(() => expect(op.registry?.screens.filter((s) => s.role === 'stage')).toHaveLength(MAX_STAGE_SCREENS_PER_RUN), { timeout: 20_000 });
    expect(op.registryMessages[0]!.kind).toBe('full');
    expect(op.registryMessages.filter((m) => m.kind === 'full')).toHaveLength(1);
    // Every screen is announced once, in the diffs, however many of them came.
    const announced = diffs(op.registryMessages).flatMap((d) => d.added.map((s) => s.id));
    const initial = op.registryMessages[0]!.kind === 'full' ? (op.registryMessages[0] as { screens: { id: string }[] }).screens.map((s) => s.id) : [];
    expect(new Set([...initial, ...announced]).size).toBe(initial.length + announced.length);

    // One screen leaves: the next diff names only it, and its place is free again.
    const seen = op.registryMessages.length;
    const leftId = admitted[0]!.id;
    admitted[0]!.disconnect();
    await vi.waitFor(() => expect(diffs(op.registryMessages.slice(seen)).some((d) => d.removed.length > 0)).toBe(true));
    const leaving = diffs(op.registryMessages.slice(seen)).find((d) => d.removed.length > 0)!;
    expect(leaving).toMatchObject({ added: [], changed: [], removed: [leftId] });
    expect(typeof (await stageScreen(t, 'replacement'))).not.toBe('string');
    await vi.waitFor(() => expect(op.registry!.screens.some((s) => s.name === 'replacement')).toBe(true));

    // GO with the screens reporting: the diffs hold only screens that changed, never the whole list.
    const before = op.registryMessages.length;
    const cue = op.view!.state.cues[0]!;
    const startedAt = performance.now();
    const result = await op.command({ type: 'go', commandId: 'go-under-load', expectedCue: cue.id });
    const ackMs = performance.now() - startedAt;
    expect(result.ok).toBe(true);
    for (const s of admitted.slice(1, 51)) s.emit('hello', { rttMs: 5, offsetMs: 1 });
    await vi.waitFor(() => expect(diffs(op.registryMessages.slice(before)).flatMap((d) => d.changed).length).toBeGreaterThanOrEqual(50), { timeout: 10_000 });
    for (const d of diffs(op.registryMessages.slice(before))) expect(d.added.length + d.changed.length + d.removed.length).toBeLessThanOrEqual(50);
    console.info(`GO ack with ${MAX_STAGE_SCREENS_PER_RUN} stage screens connected (and 200 refused): ${ackMs.toFixed(1)} ms`);
  }, 120_000);

  it('[S21] a console that asks gets the whole list again; the others get no full list', async () => {
    const t = await startTestServer();
    open.push(t);
    const token = await login(t.url);
    const a = new TestOperator(t.url, SEED, token);
    const b = new TestOperator(t.url, SEED, token);
    closing.push(a, b);
    expect(typeof (await stageScreen(t, 'one'))).not.toBe('string');
    await vi.waitFor(() => expect(a.registry?.screens).toHaveLength(1));
    await vi.waitFor(() => expect(b.registry?.screens).toHaveLength(1));
    const fullsOfB = b.registryMessages.filter((m) => m.kind === 'full').length;
    a.socket.emit('registry');
    await vi.waitFor(() => expect(a.registryMessages.filter((m) => m.kind === 'full')).toHaveLength(2));
    expect(a.registryMessages.at(-1)).toMatchObject({ kind: 'full', screens: [{ name: 'one', role: 'stage' }] });
    expect(b.registryMessages.filter((m) => m.kind === 'full')).toHaveLength(fullsOfB);
  });
});
