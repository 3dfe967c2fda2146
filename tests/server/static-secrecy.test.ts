import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCeremony, seedCeremony } from '../helpers/ceremony-harness';
import { PASSCODE, ROOT, startTestServer, type TestServer } from '../helpers/server-harness';

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

/**
 * A GET of the path exactly as given, on a raw socket: fetch (and every URL parser) would
 * normalise `/../` away before sending it, so a traversal would never reach the server.
 */
function rawGet(port: number, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET ${rawPath} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.once('error', reject);
    socket.once('end', () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (!status) return reject(new Error(`no HTTP answer to ${rawPath}: ${answer.slice(0, 200)}`));
      resolve({ status: Number(status[1]), body: Buffer.from(answer.slice(answer.indexOf('\r\n\r\n') + 4), 'latin1').toString('utf8') });
    });
  });
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
    for (const url of ['/ceremonies/egov-award-1399.json', '/egov-award-1399.json']) {
      const res = await fetch(`${t.url}${url}`);
      expect(res.status).toBe(404);
    }
  });

  it('[S3] no path, however it climbs out of dist/, serves a file from outside it', async () => {
    const secrets = [...resultNames(), PASSCODE, fs.readFileSync(path.join(t.dataDir, 'session-key'), 'utf8').trim(), '"name": "podium"', 'root:x:0:0'];
    const dataDir = t.dataDir.replace(/^\//, '');
    const targets = ['package.json', 'ceremonies/egov-award-1399.json', '../../../../../../etc/passwd', `../../../../../../${dataDir}/session-key`, `../../../../../../${dataDir}/podium.db`];
    const climbs = ['../', '%2e%2e/', '..%2f', '%2e%2e%2f', '.%2e/', '%2e./', '..%5c', '..\\', '%252e%252e/', 'assets/../../', 'assets/%2e%2e/%2e%2e/', '%c0%ae%c0%ae/', '..;/'];
    let sent = 0;
    for (const climb of climbs) {
      for (const target of targets) {
        const raw = `/${climb}${target.replaceAll('../', climb)}`;
        const { status, body } = await rawGet(t.server.port, raw);
        sent++;
        expect(status, raw).toBeGreaterThanOrEqual(400);
        for (const secret of secrets) expect(body, raw).not.toContain(secret);
      }
    }
    expect(sent).toBe(climbs.length * targets.length);
    // The same request inside dist/ is served: these paths do reach the static files as sent.
    expect((await rawGet(t.server.port, '/assets/../index.html')).status).toBe(200);
  });

  it('serves the app for every screen route, Persian first', async () => {
    for (const route of ['/', '/c/egov-award-1399', '/stage/egov-award-1399', '/overlay/egov-award-1399', '/operator']) {
      const res = await fetch(`${t.url}${route}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<html lang="fa" dir="rtl">');
    }
  });
});
