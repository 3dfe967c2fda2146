import type { AttendanceSample } from '../../shared/protocol';

export const ATTENDANCE_EVERY_MS = 5_000;
const MAX_SAMPLES = 2_000;

/** Samples connected screens per run at a fixed interval: the operator's attendance chart. */
export class AttendanceSampler {
  private readonly series = new Map<string, AttendanceSample[]>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly count: () => Map<string, { audience: number; screens: number }>,
    private readonly onSample: (runId: string, series: AttendanceSample[]) => void,
    private readonly now: () => number,
    everyMs = ATTENDANCE_EVERY_MS,
  ) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  of(runId: string): AttendanceSample[] {
    return this.series.get(runId) ?? [];
  }

  sample(): void {
    const at = this.now();
    for (const [runId, counts] of this.count()) {
      const series = [...this.of(runId), { at, ...counts }].slice(-MAX_SAMPLES);
      this.series.set(runId, series);
      this.onSample(runId, series);
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}
