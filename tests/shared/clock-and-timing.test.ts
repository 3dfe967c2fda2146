import { describe, expect, it } from 'vitest';
import { estimateClock, type ClockSample } from '../../shared/clock-sync';
import { displayAt, dueEvents, msUntilNext } from '../../shared/display-timing';
import type { PublicEvent } from '../../shared/events';

describe('clock sync estimate', () => {
  it('recovers the offset from the fastest round trips, ignoring slow, asymmetric ones', () => {
    const offset = 5_000; // the server is 5 s ahead of the screen
    const sample = (sentAt: number, up: number, down: number): ClockSample => ({ sentAt, serverTime: sentAt + up + offset, receivedAt: sentAt + up + down });
    const samples = [sample(0, 40, 42), sample(100, 300, 20), sample(200, 41, 40), sample(300, 20, 400), sample(400, 39, 41)];
    const estimate = estimateClock(samples)!;
    expect(Math.abs(estimate.offsetMs - offset)).toBeLessThanOrEqual(2);
    expect(estimate.rttMs).toBe(80);
  });

  it('has no estimate without a valid sample', () => {
    expect(estimateClock([])).toBeNull();
    expect(estimateClock([{ sentAt: 10, serverTime: 0, receivedAt: 5 }])).toBeNull();
  });
});

describe('display timing', () => {
  const event = (seq: number, at: number, showAt?: number): PublicEvent => ({ seq, at, ...(showAt !== undefined ? { showAt } : {}), type: 'hold_ended' });

  it('shows an event at its scheduled time plus the channel delay; an old log without showAt at its decision time', () => {
    expect(displayAt(event(1, 1000, 1400), 0)).toBe(1400);
    expect(displayAt(event(1, 1000, 1400), 20_000)).toBe(21_400);
    expect(displayAt(event(1, 1000), 0)).toBe(1000);
  });

  it('releases due events in seq order; one not yet due holds back those after it', () => {
    const pending = [event(3, 0, 1000), event(1, 0, 100), event(2, 0, 2000)];
    expect(dueEvents(pending, 1500, 0)).toEqual({ due: [pending[1]], waiting: [pending[2], pending[0]] });
    expect(msUntilNext(dueEvents(pending, 1500, 0).waiting, 1500, 0)).toBe(500);
    expect(dueEvents(pending, 5000, 0).due.map((e) => e.seq)).toEqual([1, 2, 3]);
  });
});
