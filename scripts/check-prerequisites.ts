/**
 * The first step of `npm test`: finds every system prerequisite the tests need (README, "Test
 * it") and, when any is missing, names them all at once with the command that installs them,
 * instead of letting the suite fail half-way on the first one.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { DEFAULT_TEST_DATABASE_URL, DEFAULT_TEST_REDIS_URL, prerequisitesReport, type PrerequisiteCheck } from './prerequisites';

const TIMEOUT_MS = 5000;

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function checkChromium(): PrerequisiteCheck {
  const where = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return { name: 'chromium', where, problem: isExecutable(where) ? null : 'no executable there' };
}

function checkNginx(): PrerequisiteCheck {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const found = dirs.some((dir) => isExecutable(path.join(dir, 'nginx')));
  return { name: 'nginx', where: 'PATH', problem: found ? null : 'not found on the PATH' };
}

async function checkPostgres(): Promise<PrerequisiteCheck> {
  const where = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const client = new pg.Client({ connectionString: where, connectionTimeoutMillis: TIMEOUT_MS });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { name: 'postgresql', where, problem: null };
  } catch (error) {
    return { name: 'postgresql', where, problem: (error as Error).message || String(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function checkRedis(): Promise<PrerequisiteCheck> {
  const where = process.env.TEST_REDIS_URL ?? DEFAULT_TEST_REDIS_URL;
  const { hostname, port } = new URL(where);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname);
    const done = (problem: string | null) => {
      socket.destroy();
      resolve({ name: 'redis', where, problem });
    };
    socket.setTimeout(TIMEOUT_MS);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(String(data).startsWith('+PONG') ? null : `answered ${String(data).trim()} to PING`));
    socket.once('error', (error) => done(error.message));
    socket.once('timeout', () => done(`no answer in ${TIMEOUT_MS / 1000} s`));
  });
}

const checks = [checkChromium(), checkNginx(), ...(await Promise.all([checkPostgres(), checkRedis()]))];
const report = prerequisitesReport(checks);
(report.ok ? process.stdout : process.stderr).write(`${report.text}\n`);
process.exit(report.ok ? 0 : 1);
