import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { ROOT } from './server-harness';

/** Committed baselines, one folder per ceremony (docs/visual-tests.md). */
export const BASELINE_DIR = path.join(ROOT, 'tests', 'visual', 'baselines');
/** Actual and diff PNGs of a failed comparison: outside the repository, never committed. */
export const DIFF_DIR = path.join(os.tmpdir(), 'podium-visual');
/** pixelmatch's per-pixel colour threshold (0 exact … 1 anything). */
export const PIXEL_THRESHOLD = 0.1;
/** Share of differing pixels still taken as the same picture (anti-aliasing noise). */
export const MAX_DIFF_RATIO = 0.002;

export const updatingBaselines = (): boolean => process.env.UPDATE_BASELINES === '1';

export type VisualOutcome =
  | { kind: 'same'; file: string; ratio: number }
  | { kind: 'written'; file: string }
  | { kind: 'missing'; file: string; actual: string }
  | { kind: 'different'; file: string; ratio: number; actual: string; diff: string | null; reason?: string };

/** Re-encodes a screenshot at deflate level 9: baselines stay small in git. */
function compact(png: Buffer): Buffer {
  return PNG.sync.write(PNG.sync.read(png), { deflateLevel: 9 });
}

function writeOutside(ceremony: string, name: string, suffix: string, bytes: Buffer): string {
  const file = path.join(DIFF_DIR, ceremony, `${name}-${suffix}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

/** Empties this ceremony's folder of actual/diff PNGs, so what is there belongs to this run. */
export function clearDiffs(ceremony: string): void {
  fs.rmSync(path.join(DIFF_DIR, ceremony), { recursive: true, force: true });
}

/**
 * Compares one screenshot with `<BASELINE_DIR>/<ceremony>/<name>.png`, or writes it there when
 * updating. On a difference the actual and a diff image go to DIFF_DIR.
 */
export function checkBaseline(ceremony: string, name: string, screenshot: Buffer, update = updatingBaselines()): VisualOutcome {
  const file = path.join(BASELINE_DIR, ceremony, `${name}.png`);
  const relative = path.relative(ROOT, file);
  if (update) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, compact(screenshot));
    return { kind: 'written', file: relative };
  }
  if (!fs.existsSync(file)) return { kind: 'missing', file: relative, actual: writeOutside(ceremony, name, 'actual', screenshot) };
  const expected = PNG.sync.read(fs.readFileSync(file));
  const actual = PNG.sync.read(screenshot);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    const reason = `size ${actual.width}×${actual.height}, baseline ${expected.width}×${expected.height}`;
    return { kind: 'different', file: relative, ratio: 1, actual: writeOutside(ceremony, name, 'actual', screenshot), diff: null, reason };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: PIXEL_THRESHOLD });
  const ratio = differing / (actual.width * actual.height);
  if (ratio <= MAX_DIFF_RATIO) return { kind: 'same', file: relative, ratio };
  return {
    kind: 'different',
    file: relative,
    ratio,
    actual: writeOutside(ceremony, name, 'actual', screenshot),
    diff: writeOutside(ceremony, name, 'diff', PNG.sync.write(diff, { deflateLevel: 1 })),
  };
}

/** When updating: deletes this ceremony's baseline PNGs that the run did not produce. */
export function removeStaleBaselines(ceremony: string, produced: ReadonlySet<string>): string[] {
  const dir = path.join(BASELINE_DIR, ceremony);
  if (!fs.existsSync(dir)) return [];
  const stale = fs.readdirSync(dir).filter((f) => f.endsWith('.png') && !produced.has(f.slice(0, -'.png'.length)));
  for (const f of stale) fs.rmSync(path.join(dir, f));
  return stale.map((f) => path.relative(ROOT, path.join(dir, f)));
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(2)}%`;

/** A failure message that lists every missing or differing screenshot, or null when all match. */
export function describeFailures(outcomes: readonly VisualOutcome[]): string | null {
  const lines: string[] = [];
  for (const o of outcomes) {
    if (o.kind === 'missing') lines.push(`  missing baseline ${o.file} (this run's screenshot: ${o.actual})`);
    if (o.kind === 'different') {
      const where = o.diff ? `diff ${o.diff}` : (o.reason ?? 'no diff');
      lines.push(`  ${o.file}: ${percent(o.ratio)} of pixels differ (allowed ${percent(MAX_DIFF_RATIO)}); actual ${o.actual}, ${where}`);
    }
  }
  if (lines.length === 0) return null;
  return [
    `${lines.length} of ${outcomes.length} screenshots do not match their baselines:`,
    ...lines,
    'If the change is intended (or a baseline is new), write the baselines with `UPDATE_BASELINES=1 npx vitest run tests/e2e/visual.browser.test.ts` (after `npx vite build`), look at the changed PNGs, and commit them (docs/visual-tests.md).',
  ].join('\n');
}
