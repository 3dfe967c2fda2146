/**
 * NTP-style estimate of a screen's offset to the server clock. A sample is one round trip: the
 * screen's clock when it asked, the server's clock when it answered, the screen's clock when the
 * answer arrived. The fastest round trips are the least skewed by queueing, so only they count.
 */
export interface ClockSample {
  sentAt: number;
  serverTime: number;
  receivedAt: number;
}

export interface ClockEstimate {
  /** Add to the screen's clock to get the server's. */
  offsetMs: number;
  /** The fastest round trip seen. */
  rttMs: number;
  samples: number;
}

export const CLOCK_SAMPLES_PER_SYNC = 8;
const FASTEST_KEPT = 3;

export function sampleOffset(s: ClockSample): number {
  return s.serverTime - (s.sentAt + s.receivedAt) / 2;
}

export function estimateClock(samples: readonly ClockSample[]): ClockEstimate | null {
  const valid = samples.filter((s) => s.receivedAt >= s.sentAt);
  if (valid.length === 0) return null;
  const fastest = [...valid].sort((a, b) => a.receivedAt - a.sentAt - (b.receivedAt - b.sentAt)).slice(0, FASTEST_KEPT);
  const offsets = fastest.map(sampleOffset).sort((a, b) => a - b);
  const mid = Math.floor(offsets.length / 2);
  const offsetMs = offsets.length % 2 ? offsets[mid]! : (offsets[mid - 1]! + offsets[mid]!) / 2;
  return { offsetMs: Math.round(offsetMs), rttMs: fastest[0]!.receivedAt - fastest[0]!.sentAt, samples: valid.length };
}
