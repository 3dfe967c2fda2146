import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCues } from '../../shared/cues';
import { sampleCeremony } from '../helpers/ceremony-harness';
import { login, postCommand, ROOT, startTestServer, type TestServer } from '../helpers/server-harness';

const SAMPLE = 'sample-awards';
const run = promisify(execFile);
const open: TestServer[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.stop();
});

/** The one-line check exactly as docs/operator-guide.md gives it, for this server and ceremony. */
function documentedScript(url: string, ceremonyId: string): string {
  const guide = fs.readFileSync(path.join(ROOT, 'docs/operator-guide.md'), 'utf8');
  const block = /<!-- seal-check-script -->\s*```sh\n(.*)\n```/.exec(guide);
  if (!block) throw new Error('docs/operator-guide.md has no seal-check-script block');
  const line = block[1]!;
  expect(line.startsWith("node -e '")).toBe(true);
  expect(line.endsWith(' http://localhost:3000 egov-award-1399')).toBe(true);
  return line.replace(/ http:\/\/localhost:3000 egov-award-1399$/, ` ${url} ${ceremonyId}`);
}

async function sh(line: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('bash', ['-c', line], { timeout: 30_000 });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, out: failed.stdout };
  }
}

describe('the documented one-line check', () => {
  it('[S31] the node one-liner of the operator guide checks the root and every revealed commitment, and fails on a mismatch it cannot explain', async () => {
    const t = await startTestServer();
    open.push(t);
    const token = await login(t.url);
    const sealed = await fetch(`${t.url}/api/ceremonies/${SAMPLE}/seal`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(sealed.status).toBe(201);
    const cues = buildCues(sampleCeremony());
    for (const cue of cues.slice(0, cues.findIndex((c) => c.id === 'open-data/winner') + 1)) {
      expect((await postCommand(t.url, token, SAMPLE, { type: 'go', expectedCue: cue.id })).status).toBe(200);
    }
    const script = documentedScript(t.url, SAMPLE);
    const ok = await sh(script);
    expect(ok.code, ok.out).toBe(0);
    const lines = ok.out.trim().split('\n');
    expect(lines[0]).toBe('root OK');
    const revealed = cues.slice(0, cues.findIndex((c) => c.id === 'open-data/winner') + 1).filter((c) => c.kind === 'reveal');
    expect(lines.slice(1).map((l) => l.split(' ').slice(1).join(' '))).toEqual(revealed.map((c) => `${c.id} OK`));

    // The same script against a forged answer (one name changed): it says so and exits 1.
    const proof = (await (await fetch(`${t.url}/api/ceremonies/${SAMPLE}/seal`)).json()) as { revealed: { entries: { recipient: { name: { en: string } } }[] }[] };
    proof.revealed[0]!.entries[0]!.recipient.name.en = 'Someone Else';
    const http = await import('node:http');
    const forger = http.createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(proof)));
    await new Promise<void>((resolve) => forger.listen(0, '127.0.0.1', resolve));
    try {
      const port = (forger.address() as { port: number }).port;
      const bad = await sh(documentedScript(`http://127.0.0.1:${port}`, SAMPLE));
      expect(bad.code).toBe(1);
      expect(bad.out).toContain('MISMATCH');
    } finally {
      forger.close();
    }
  });
});
