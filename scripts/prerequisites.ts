/**
 * The system programs `npm test` needs besides Node (README, "Test it"), and the report that
 * names every missing one at once. Pure: the probes are in check-prerequisites.ts.
 */

/** The one Debian command that installs all of them (.ci/run runs it). */
export const INSTALL_COMMAND = 'apt-get install -y chromium nginx postgresql redis-server';

/** The PostgreSQL and Redis the tests use (see .ci/run); override with env. */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const DEFAULT_TEST_REDIS_URL = 'redis://127.0.0.1:6379';

export type PrerequisiteName = 'chromium' | 'nginx' | 'postgresql' | 'redis';

/** What one probe found: `problem` is null when the prerequisite is there. */
export interface PrerequisiteCheck {
  name: PrerequisiteName;
  /** Where it was looked for (a path, a URL). */
  where: string;
  problem: string | null;
}

/** What to do about each one, beyond the install command. */
const REMEDY: Record<PrerequisiteName, string> = {
  chromium: "Debian's Chromium (package chromium), or set CHROMIUM_PATH to a Chromium binary",
  nginx: 'nginx on the PATH (package nginx), for the test of docs/deploy/nginx.conf',
  postgresql: 'a PostgreSQL server there, with trust auth and a database `test` (package postgresql), or set TEST_DATABASE_URL',
  redis: 'a Redis server there (package redis-server), or set TEST_REDIS_URL',
};

/** The text to print, and whether the tests can run. */
export function prerequisitesReport(checks: readonly PrerequisiteCheck[]): { ok: boolean; text: string } {
  const missing = checks.filter((c) => c.problem !== null);
  if (missing.length === 0) return { ok: true, text: `Prerequisites: ${checks.map((c) => c.name).join(', ')} found.` };
  const lines = [
    `npm test needs ${missing.length === 1 ? 'one thing that is' : `${missing.length} things that are`} missing on this machine:`,
    ...missing.map((c) => `  - ${c.name} (${c.where}): ${c.problem}\n    needs ${REMEDY[c.name]}`),
    '',
    'On Debian or Ubuntu, install every prerequisite at once with:',
    `  ${INSTALL_COMMAND}`,
    ...(missing.some((c) => c.name === 'postgresql' || c.name === 'redis') ? ['then start PostgreSQL and Redis and create the database as README.md ("Test it") says; .ci/run does all of it.'] : []),
  ];
  return { ok: false, text: lines.join('\n') };
}
