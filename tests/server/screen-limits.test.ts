import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_QUEUED_PER_SCREEN } from '../../server/delivery/outbound-guard';
import { benchCeremony } from '../../scripts/bench-import';
import { SCREEN_MESSAGE_LIMITS } from '../../server/delivery/screen-limits';
import { login, startTestServer, TestOperator, TestScreen, type TestServer } from '../helpers/server-harness';
import { RawScreen } from '../helpers/raw-screen';

const open: { stop(): Promise<void> }[] = [];
const closing: { close(): void }[] = [];
afterEach(async () => {
  for (const s of closing.splice(0)) s.close();
  for (const s of open.splice(0)) await s.stop();
});

/** A ceremony within every S22 limit whose public snapshot is large: 20 × 50 nominees, long names. */
function heavyCeremony(id: string) {
  const name = (c: number, n: number) => ({ fa: `نامزد ${c}-${n} `.padEnd(300, 'ن'), en: `Nominee ${c}-${n} `.padEnd(300, 'n') });
  const categories = Array.from({ length: 20 }, (_, c) => ({
    id: `cat-${c}`,
    kind: 'nominees',
    title: { en: `Category ${c}` },
    nominees: Array.from({ length: 50 }, (_, n) => ({ id: `n-${n}`, recipient: { type: 'person', name: name(c, n) } })),
    winners: ['n-7'],
  }));
  return {
    schemaVersion: 1,
    id,
    title: { en: 'Heavy' },
    date: '2026-01-01',
    timeZone: 'Asia/Tehran',
    runOfShow: categories.map((c) => ({ kind: 'category', categoryId: c.id })),
    categories,
  };
}

async function serverWith(id: string): Promise<{ t: TestServer; token: string }> {
  const t = await startTestServer();
  open.push(t);
  const token = await login(t.url);
  const res = await fetch(`${t.url}/api/ceremonies/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(heavyCeremony(id)) });
  expect(res.status).toBe(201);
  return { t, token };
}

const snapshotsIn = (packets: readonly string[]) => packets.filter((p) => p.startsWith('42["snapshot"')).length;

describe('one public screen cannot hurt everyone', () => {
  it('[S21] a flood of syncs is answered only as fast as the limit allows, and logged once', async () => {
    const { t } = await serverWith('heavy');
    // The seed ceremony: its snapshots are small, so five at once are no reason to cut it off.
    const flooder = await RawScreen.open(t.url, { ceremonyId: 'egov-award-1399' });
    closing.push(flooder);
    await vi.waitFor(() => expect(snapshotsIn(flooder.packets)).toBe(1));
    for (let i = 0; i < 200; i++) flooder.emit('sync', { lastSeq: 0 });
    // The burst is answered; the other 195 are dropped, at most a refill's worth more come meanwhile.
    await vi.waitFor(() => expect(snapshotsIn(flooder.packets)).toBeGreaterThanOrEqual(1 + SCREEN_MESSAGE_LIMITS.sync.capacity), { timeout: 20_000 });
    expect(snapshotsIn(flooder.packets)).toBeLessThanOrEqual(1 + SCREEN_MESSAGE_LIMITS.sync.capacity + 2);
    expect(t.logs.filter((l) => l.includes('screen messages rate-limited'))).toHaveLength(1);
  });

  it('[S21] a screen that stops reading is cut off before the server holds more than the bound for it; a reading screen is unaffected', async () => {
    const { t, token } = await serverWith('heavy');
    const good = new TestScreen(t.url, 'heavy');
    const op = new TestOperator(t.url, 'heavy', token);
    closing.push(good, op);
    const slow = await RawScreen.open(t.url, { ceremonyId: 'heavy' });
    closing.push(slow);
    // It stops reading as soon as it is admitted, before its first snapshot: having read little,
    // its network buffers stay small (the kernel grows them for a reader that keeps up), so what
    // it leaves unread piles up on the server soon.
    slow.stopReading();
    await vi.waitFor(() => expect(good.state && op.view).toBeTruthy());
    // Keep asking, a sync every limit's refill: each answer is a snapshot of some 700 kB.
    const before = process.memoryUsage();
    const asking = setInterval(() => slow.emit('sync', { lastSeq: 0 }), 200);
    try {
      await vi.waitFor(() => expect(t.logs.some((l) => l.includes('slow screen disconnected'))).toBe(true), { timeout: 150_000, interval: 100 });
    } finally {
      clearInterval(asking);
    }
    const after = process.memoryUsage();
    const line = JSON.parse(t.logs.find((l) => l.includes('slow screen disconnected'))!) as { queued: number; limit: number; role: string };
    expect(line.role).toBe('audience');
    // Cut off at the first frame past the bound, which is on top of the largest frame (a snapshot
    // of some 700 kB): at most that frame and the one that crossed it over the bound.
    expect(line.queued).toBeGreaterThan(MAX_QUEUED_PER_SCREEN);
    expect(line.queued).toBeLessThan(MAX_QUEUED_PER_SCREEN + 2_000_000);
    console.info(`slow reader cut off with ${line.queued} queued; heap ${Math.round((after.heapUsed - before.heapUsed) / 1e6)} MB, rss ${Math.round((after.rss - before.rss) / 1e6)} MB`);
    // The reading screen and the console go on: GO reaches the screen.
    const result = await op.command({ type: 'go', commandId: 'go-1', expectedCue: op.view!.state.cues[0]!.id });
    expect(result.ok).toBe(true);
    await vi.waitFor(() => expect(good.state!.seq).toBe(result.ok && result.seq));
    await vi.waitFor(() => expect(op.registry?.audience.total).toBe(1));
  }, 200_000);

  it('[S21][S22] a screen that reads gets the largest ceremony the limits allow whole: its snapshot and a new version of it, each a few MB', async () => {
    const t = await startTestServer();
    open.push(t);
    const token = await login(t.url);
    // 200 ranked categories of 100 places: some 20,000 cues, the longest cue list a definition may make.
    const largest = { ...benchCeremony(200), id: 'largest' };
    for (const category of largest.categories) Object.assign(category, { placeCount: 100 });
    const put = (definition: unknown) =>
      fetch(`${t.url}/api/ceremonies/largest`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(definition) });
    expect((await put(largest)).status).toBe(201);
    const screen = new TestScreen(t.url, 'largest');
    closing.push(screen);
    await vi.waitFor(() => expect(screen.state?.cues.length).toBe(20_000 + 400));
    expect((await put({ ...largest, title: { en: 'Largest, version 2' } })).status).toBe(200);
    await vi.waitFor(() => expect(screen.state?.version).toBe(2));
    expect(Math.max(...screen.frames.map((f) => f.length))).toBeGreaterThan(MAX_QUEUED_PER_SCREEN);
    expect(screen.socket.connected).toBe(true);
    expect(t.logs.some((l) => l.includes('slow screen disconnected'))).toBe(false);
  }, 120_000);
});
