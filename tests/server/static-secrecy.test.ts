import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCeremony, seedCeremony } from '../helpers/ceremony-harness';
import { ROOT, startTestServer, type TestServer } from '../helpers/server-harness';

/** Every recipient name of both shipped ceremonies (nominees excepted: they are public). */
function resultNames(): string[] {
  return [seedCeremony(), sampleCeremony()].flatMap((def) =>
    def.categories.flatMap((c) => [
      ...(c.kind === 'ranked' ? c.results.map((r) => r.recipient) : []),
      ...(c.mentions ?? []).map((m) => m.recipient),
    ]).flatMap((r) => [r.name.fa!, r.name.en!]),
  );
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

describe('what the server serves', () => {
  it('[S3] the built client (HTML, JavaScript, CSS, no source maps) holds no result', () => {
    const dist = path.join(ROOT, 'dist');
    expect(fs.existsSync(path.join(dist, 'index.html')), 'run `npm run build` first (npm test does)').toBe(true);
    const files = filesUnder(dist);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const text = files.filter((f) => /\.(html|js|css)$/.test(f)).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    for (const name of resultNames()) expect(text).not.toContain(name);
  });

  it('[S3] ceremony definitions are not served', async () => {
    for (const url of ['/ceremonies/egov-award-1399.json', '/egov-award-1399.json', '/../ceremonies/egov-award-1399.json']) {
      const res = await fetch(`${t.url}${url}`);
      expect(res.status).toBe(404);
    }
  });

  it('serves the app for every screen route, Persian first', async () => {
    for (const route of ['/', '/c/egov-award-1399', '/stage/egov-award-1399', '/overlay/egov-award-1399', '/operator']) {
      const res = await fetch(`${t.url}${route}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<html lang="fa" dir="rtl">');
    }
  });
});
