import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIENCE_JS_BUDGET_BYTES, audienceInitialJs } from '../../scripts/audience-bundle';
import { ROOT } from '../helpers/server-harness';

describe('the audience page on a weak network', () => {
  it(`loads at most ${AUDIENCE_JS_BUDGET_BYTES / 1024} kB of JavaScript (gzipped) before it shows anything; chart.js is not in it`, () => {
    const dist = path.join(ROOT, 'dist');
    expect(fs.existsSync(path.join(dist, '.vite/manifest.json')), 'run `npm run build` first (npm test does)').toBe(true);
    const size = audienceInitialJs(dist);
    expect(size.files.some((f) => f.includes('AudiencePage'))).toBe(true);
    expect(size.gzipBytes).toBeLessThanOrEqual(AUDIENCE_JS_BUDGET_BYTES);
    // chart.js says this when a canvas is reused: it is in the build, and not in the first load.
    const chartJsMarker = 'Canvas is already in use';
    const read = (f: string) => fs.readFileSync(path.join(dist, f), 'utf8');
    expect(fs.readdirSync(path.join(dist, 'assets')).some((f) => f.endsWith('.js') && read(`assets/${f}`).includes(chartJsMarker))).toBe(true);
    expect(size.files.map(read).join('\n')).not.toContain(chartJsMarker);
  });
});
