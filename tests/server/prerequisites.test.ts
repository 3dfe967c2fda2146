import { describe, expect, it } from 'vitest';
import { INSTALL_COMMAND, prerequisitesReport, type PrerequisiteCheck } from '../../scripts/prerequisites';

const found: PrerequisiteCheck[] = [
  { name: 'chromium', where: '/usr/bin/chromium', problem: null },
  { name: 'nginx', where: 'PATH', problem: null },
  { name: 'postgresql', where: 'postgres://postgres@127.0.0.1:5432/test', problem: null },
  { name: 'redis', where: 'redis://127.0.0.1:6379', problem: null },
];
const failing = (...names: PrerequisiteCheck['name'][]) => found.map((c) => (names.includes(c.name) ? { ...c, problem: `${c.name} is broken` } : c));

describe('npm test checks its system prerequisites first (scripts/check-prerequisites.ts)', () => {
  it('passes when every prerequisite is there', () => {
    expect(prerequisitesReport(found)).toEqual({ ok: true, text: 'Prerequisites: chromium, nginx, postgresql, redis found.' });
  });

  it('names every missing prerequisite at once, where it looked and why, with the one install command', () => {
    const report = prerequisitesReport(failing('chromium', 'nginx', 'postgresql', 'redis'));
    expect(report.ok).toBe(false);
    expect(report.text).toContain('4 things that are missing');
    for (const c of found) expect(report.text).toContain(`- ${c.name} (${c.where}): ${c.name} is broken`);
    expect(report.text).toContain(INSTALL_COMMAND);
    expect(INSTALL_COMMAND).toBe('apt-get install -y chromium nginx postgresql redis-server');
    expect(report.text).toContain('CHROMIUM_PATH');
    expect(report.text).toContain('TEST_DATABASE_URL');
    expect(report.text).toContain('TEST_REDIS_URL');
  });

  it('names only what is missing, and says how to start the servers only when one is down', () => {
    const nginxOnly = prerequisitesReport(failing('nginx'));
    expect(nginxOnly.ok).toBe(false);
    expect(nginxOnly.text).toContain('one thing that is missing');
    expect(nginxOnly.text).toContain('- nginx (PATH)');
    expect(nginxOnly.text).not.toMatch(/- (chromium|postgresql|redis) /);
    expect(nginxOnly.text).not.toContain('start PostgreSQL and Redis');
    const redis = prerequisitesReport(failing('redis', 'chromium'));
    expect(redis.text).toContain('2 things that are missing');
    expect(redis.text).toContain('start PostgreSQL and Redis');
  });
});
