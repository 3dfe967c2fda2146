import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDraft } from '../../shared/studio';
import type { Problem } from '../../shared/validation';
import { login, ROOT, startTestServer, type TestServer } from '../helpers/server-harness';

/**
 * The studio and the API refuse the same things with the same messages (S32): every invalid
 * fixture, sent as a definition to the API, saved as a draft in the studio, and checked by the
 * studio's own forms (validateDraft, what they run as you type), gives the same problems.
 * tests/e2e/studio-same-messages.browser.test.ts shows them on the studio's Check page.
 */
const DIR = path.join(ROOT, 'tests/fixtures/invalid-ceremonies');
const fixtures = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await login(server.url);
});
afterAll(() => server?.stop());

const send = (method: string, url: string, body: unknown) =>
  fetch(url, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the invalid fixtures, refused alike by the API and the studio', () => {
  it('has fixtures to try', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  it.each(fixtures)('%s', async (file) => {
    const definition = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as { id: string };
    const api = await send('PUT', `${server.url}/api/ceremonies/${definition.id}`, definition);
    expect(api.status).toBe(400);
    const apiProblems = ((await api.json()) as { error: { code: string; problems: Problem[] } }).error;
    expect(apiProblems.code).toBe('invalid_ceremony');
    expect(apiProblems.problems.length).toBeGreaterThan(0);

    // The forms' own check, as they run it on every keystroke.
    const forms = validateDraft(definition);
    expect(forms.ok).toBe(false);
    expect(forms.ok ? [] : forms.problems).toEqual(apiProblems.problems);

    // Saved as a draft (a draft may be invalid): the studio's server lists the same problems.
    const created = await send('POST', `${server.url}/api/studio/ceremonies`, { id: definition.id, from: 'blank' });
    expect(created.status).toBeLessThan(300);
    const { stamp } = (await created.json()) as { stamp: { revision: number } | null };
    const saved = await send('PUT', `${server.url}/api/studio/ceremonies/${definition.id}/draft`, { definition, revision: stamp?.revision ?? null });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { problems: Problem[] }).problems).toEqual(apiProblems.problems);

    // And publishing it is refused with them too, changing nothing.
    const { stamp: after } = (await (await fetch(`${server.url}/api/studio/ceremonies/${definition.id}/draft`, { headers: { authorization: `Bearer ${token}` } })).json()) as { stamp: { revision: number } };
    const published = await send('POST', `${server.url}/api/studio/ceremonies/${definition.id}/publish`, { revision: after.revision });
    expect(published.status).toBe(400);
    expect(((await published.json()) as { error: { problems: Problem[] } }).error.problems).toEqual(apiProblems.problems);
    const list = (await (await fetch(`${server.url}/api/ceremonies`)).json()) as { id: string }[];
    expect(list.map((c) => c.id)).not.toContain(definition.id);
  });
});
