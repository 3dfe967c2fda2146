import fs from 'node:fs';

/** What the stage page recorded over one measured window. */
export interface FrameRecording {
  /** requestAnimationFrame timestamps (ms, page clock), in order. */
  frames: number[];
  /** Long tasks (PerformanceObserver 'longtask') that started inside the window, their durations (ms). */
  longTasks: number[];
  /** Length of the window (ms), from just before the GO. */
  windowMs: number;
}

export interface FrameSummary {
  label: string;
  windowMs: number;
  longestTaskMs: number;
  longTasks: number;
  frames: number;
  medianIntervalMs: number;
  dropped: number;
  p95IntervalMs: number;
  maxIntervalMs: number;
}

const quantile = (sorted: readonly number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);
const round = (n: number) => Math.round(n * 10) / 10;

/** A frame is "dropped" when its interval is over 1.5× the median interval. */
export function summarize(label: string, recording: FrameRecording): FrameSummary {
  const intervals = recording.frames.slice(1).map((t, i) => t - recording.frames[i]!);
  const sorted = [...intervals].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  return {
    label,
    windowMs: Math.round(recording.windowMs),
    longestTaskMs: round(Math.max(0, ...recording.longTasks)),
    longTasks: recording.longTasks.filter((d) => d > 50).length,
    frames: intervals.length,
    medianIntervalMs: round(median),
    dropped: intervals.filter((d) => d > 1.5 * median).length,
    p95IntervalMs: round(quantile(sorted, 0.95)),
    maxIntervalMs: round(sorted.at(-1) ?? NaN),
  };
}

export function markdownTable(rows: readonly FrameSummary[]): string {
  const head = '| cue | window | longest task | long tasks (>50 ms) | frames | median interval | dropped (>1.5× median) | p95 interval | max interval |';
  const rule = '| --- | --- | --- | --- | --- | --- | --- | --- | --- |';
  const lines = rows.map(
    (r) => `| ${r.label} | ${r.windowMs} ms | ${r.longestTaskMs} ms | ${r.longTasks} | ${r.frames} | ${r.medianIntervalMs} ms | ${r.dropped} | ${r.p95IntervalMs} ms | ${r.maxIntervalMs} ms |`,
  );
  return [head, rule, ...lines].join('\n');
}

/** Replaces the section under `## <heading>` (up to the next `## ` heading) with `body`, or appends it. */
export function replaceSection(file: string, heading: string, body: string): void {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  const section = [`## ${heading}`, body.trimEnd(), ''];
  if (start < 0) {
    const base = text.trimEnd();
    fs.writeFileSync(file, `${base}${base ? '\n\n' : ''}${section.join('\n')}`);
    return;
  }
  const next = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  const after = next < 0 ? [] : lines.slice(next);
  fs.writeFileSync(file, [...lines.slice(0, start), ...section, ...after].join('\n').replace(/\n*$/, '\n'));
}
