import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DisplayQueue, MAX_TIMER_MS } from '../../client/lib/display-queue';
import type { PublicEvent } from '../../shared/events';

const T = Date.UTC(2021, 1, 23, 6, 30);

function announced(seq: number, showAt: number): PublicEvent {
  return { type: 'announced', text: { en: `#${seq}` }, seq, at: showAt - 300, showAt };
}

function setup(options: { offsetMs?: number; hiddenTab?: boolean } = {}) {
  const shown: number[] = [];
  let visible: (() => void) | null = null;
  const queue = new DisplayQueue({
    show: (event) => shown.push(event.seq),
    now: () => Date.now(),
    // A hidden tab's timers may not fire for a minute: this one never does.
    ...(options.hiddenTab ? { setTimer: () => 'throttled', clearTimer: () => {} } : {}),
    onVisible: (listener) => {
      visible = listener;
      return () => (visible = null);
    },
  });
  if (options.offsetMs !== undefined) queue.setOffset(options.offsetMs);
  return { queue, shown, becomeVisible: () => visible?.() };
}

describe('DisplayQueue: one moment of reveal', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows an event at its showAt by the synced clock, on a screen whose own clock is 7 s slow', () => {
    // The screen's clock reads 7 s behind the server's; the estimate says so.
    vi.setSystemTime(T - 7_000 - 400);
    const { queue, shown } = setup({ offsetMs: 7_000 });
    queue.push(announced(1, T));
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(399);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual([1]);
    expect(queue.size).toBe(0);
  });

  it('shows at the same server moment whatever the screen clock: a fast clock waits as long as needed', () => {
    vi.setSystemTime(T + 3_000 - 250);
    const { queue, shown } = setup({ offsetMs: -3_000 });
    queue.push(announced(1, T));
    vi.advanceTimersByTime(249);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual([1]);
  });

  it('shows a late event at once', () => {
    vi.setSystemTime(T + 2_000);
    const { queue, shown } = setup({ offsetMs: 0 });
    queue.push(announced(1, T));
    expect(shown).toEqual([1]);
  });

  it('shows events in seq order: one not yet due holds back a later one that is', () => {
    vi.setSystemTime(T);
    const { queue, shown } = setup({ offsetMs: 0 });
    queue.push(announced(1, T + 500));
    queue.push(announced(2, T - 100));
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(shown).toEqual([1, 2]);
  });

  it('ignores a seq already waiting and forgets what a snapshot already holds', () => {
    vi.setSystemTime(T);
    const { queue, shown } = setup({ offsetMs: 0 });
    queue.push(announced(1, T + 100));
    queue.push(announced(1, T + 100));
    queue.push(announced(2, T + 200));
    expect(queue.size).toBe(2);
    queue.drop(1);
    vi.advanceTimersByTime(200);
    expect(shown).toEqual([2]);
  });

  it('adds the channel delay and the viewer nudge', () => {
    vi.setSystemTime(T);
    const { queue, shown } = setup({ offsetMs: 0 });
    queue.setDelay(20_000);
    queue.setNudge(3_000);
    expect(queue.delayMs).toBe(23_000);
    queue.push(announced(1, T));
    vi.advanceTimersByTime(22_999);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual([1]);
  });

  it('shows at once what a smaller nudge has made due', () => {
    vi.setSystemTime(T);
    const { queue, shown } = setup({ offsetMs: 0 });
    queue.setNudge(10_000);
    queue.push(announced(1, T - 1_000));
    expect(shown).toEqual([]);
    queue.setNudge(0);
    expect(shown).toEqual([1]);
  });

  it('never sleeps longer than a short timer, so a long delay is re-checked against the clock', () => {
    vi.setSystemTime(T);
    const { queue } = setup({ offsetMs: 0 });
    queue.setDelay(30_000);
    queue.push(announced(1, T));
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(MAX_TIMER_MS);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('re-checks when a hidden tab becomes visible, so a throttled timer does not make it drift', () => {
    vi.setSystemTime(T);
    const { queue, shown, becomeVisible } = setup({ offsetMs: 0, hiddenTab: true });
    queue.push(announced(1, T + 800));
    vi.setSystemTime(T + 5_000);
    expect(shown).toEqual([]);
    becomeVisible();
    expect(shown).toEqual([1]);
  });

  it('uses a new clock estimate at once', () => {
    vi.setSystemTime(T);
    const { queue, shown } = setup({ offsetMs: 0 });
    queue.push(announced(1, T + 60_000));
    queue.setOffset(60_000);
    expect(shown).toEqual([1]);
  });

  it('falls back to `at` for an event from an older log without showAt', () => {
    vi.setSystemTime(T);
    const { queue, shown } = setup({ offsetMs: 0 });
    queue.push({ type: 'hold_ended', seq: 1, at: T + 100 });
    vi.advanceTimersByTime(100);
    expect(shown).toEqual([1]);
  });

  it('owns its timer: dispose clears it', () => {
    vi.setSystemTime(T);
    const { queue, shown } = setup({ offsetMs: 0 });
    queue.push(announced(1, T + 100));
    queue.dispose();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(shown).toEqual([]);
  });
});
