import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getState, login, PASSCODE, postCommand, ROOT } from '../helpers/server-harness';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** `npm start`'s server process (without the build), on a free port; resolves with its URL once it prints it. */
function startProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, OPERATOR_PASSCODE: PASSCODE, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const match = /Podium is running at (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr!.on('data', (chunk) => (out += String(chunk)));
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before it started:\n${out}`)));
  });
}

describe('crash recovery', () => {
  it('[S6] SIGKILL right after acknowledged commands: after a restart every acknowledged event is there, once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-kill-'));
    const first = await startProcess(dataDir);
    const token = await login(first.url);
    const acked: number[] = [];
    for (const cue of ['opening', 'guest-of-honour', 'about-the-award', 'g2g/intro', 'g2g/place-4']) {
      const res = await postCommand(first.url, token, 'egov-award-1399', { type: 'go', expectedCue: cue, commandId: `k-${cue}` });
      expect(res.status).toBe(200);
      acked.push(res.body.seq);
    }
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await startProcess(dataDir);
    const state = await getState(second.url, 'egov-award-1399', token);
    expect(state.seq).toBe(acked.at(-1));
    expect(state.recent.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(state.nextCue.id).toBe('g2g/place-3');
    // A retry of an acknowledged command after the crash is still applied once.
    const retry = await postCommand(second.url, token, 'egov-award-1399', { type: 'go', expectedCue: 'g2g/place-4', commandId: 'k-g2g/place-4' });
    expect(retry.body.seq).toBe(5);
    expect((await getState(second.url, 'egov-award-1399')).seq).toBe(5);
  });
});
