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
    const initial = size.files.map((f) => fs.readFileSync(path.join(dist, f), 'utf8')).join('\n');
    // chart.js registers its controllers by these names; none of it may be in the first load.
    expect(initial).not.toContain('BarController');
    expect(initial).not.toContain('LineController');
  });
});
