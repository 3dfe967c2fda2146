import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const PASSCODE = 'bench-passcode-1234';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/** Starts a process and resolves with the URL it prints (`… http://127.0.0.1:<port>`). */
function startPrinting(command: string, args: string[], env: Record<string, string>, pattern: RegExp): Promise<ServerProcess> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += String(chunk);
      const match = pattern.exec(out);
      if (match) {
        resolve({
          child,
          url: match[1]!,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk) => (out += String(chunk)));
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${out}`)));
  });
}

/** A Podium server process (as `npm start` runs it, without the build) on a free port. */
export function startPodiumProcess(env: Record<string, string> = {}, dataDir = podiumDataDir()): Promise<ServerProcess> {
  return startPrinting(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts'],
    { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, OPERATOR_PASSCODE: PASSCODE, LOG_LEVEL: 'warn', ...env },
    /Podium is running at (http:\/\/\S+)/,
  );
}

/** A DATA_DIR that processes of one deployment share (the operator session key). */
export function podiumDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-bench-'));
  fs.writeFileSync(path.join(dir, 'session-key'), `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  return dir;
}

export function startBareServer(kind: 'socket.io' | 'ws'): Promise<ServerProcess> {
  return startPrinting(process.execPath, ['--import', 'tsx', 'scripts/bench-bare-servers.ts', kind], {}, /listening on (http:\/\/\S+)/);
}

export function forkLoader(): Promise<ChildProcess> {
  const child = fork(path.join(ROOT, 'scripts/bench-loader.ts'), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
  });
}

/** Resident memory and CPU time (ms) of a process, from /proc. */
export function processStats(pid: number): { rssKb: number; cpuMs: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
  return { rssKb, cpuMs: (ticks * 1000) / 100 };
}
