import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CeremonyDefinition } from '../../shared/ceremony';
import type { StudioDraft } from '../../shared/studio';
import { getState, postCommand, startTestServer, type TestServer } from '../helpers/server-harness';

/**
 * S32 with S17 and S30: once the live run has begun, the studio publishes a draft only as a logged
 * results correction of categories not yet revealed; a correction two keys guard is refused
 * (second_key_required) and changes nothing until it is asked for and confirmed.
 */
let t: TestServer;
let producer: string;
let officer: string;
const ID = 'correct-me';

beforeAll(async () => {
  t = await startTestServer();
  producer = t.server.auth.issueToken(Date.now(), { personId: 'producer-1', name: 'producer', role: 'producer' }).token;
  officer = t.server.auth.issueToken(Date.now(), { personId: 'person-officer', name: 'Reza', role: 'results_officer' }).token;
});
afterAll(() => t.stop());

async function call<T = any>(method: string, path: string, body?: unknown, token = officer): Promise<{ status: number; body: T }> {
  const res = await fetch(`${t.url}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
}
const draft = async () => (await call<StudioDraft>('GET', `/studio/ceremonies/${ID}/draft`)).body;
/** Saves the sample's draft with one change to its first ranked category's first result; returns the revision. */
async function editFirstResult(name: string): Promise<number> {
  const current = await draft();
  const definition = structuredClone(current.definition) as unknown as CeremonyDefinition;
  const ranked = definition.categories.find((c) => c.kind === 'ranked')!;
  if (ranked.kind === 'ranked') ranked.results[0]!.recipient.name = { fa: name, en: name };
  const saved = await call<StudioDraft>('PUT', `/studio/ceremonies/${ID}/draft`, { definition, revision: current.stamp?.revision ?? null });
  expect(saved.status).toBe(200);
  return saved.body.stamp!.revision;
}

describe('[S32] a results correction from the studio once the live run has begun', () => {
  it('[S17][S32] is refused as a plain publish, taken as a correction, and guarded by two keys when the policy says so', async () => {
    expect((await call('POST', '/studio/ceremonies', { id: ID, from: 'sample' })).status).toBe(201);
    const first = await draft();
    expect((await call('POST', `/studio/ceremonies/${ID}/publish`, { revision: first.stamp!.revision })).status).toBe(201);
    // The show begins: its first cue (the opening), no reveal yet.
    const state = await getState(t.url, ID, producer);
    expect((await postCommand(t.url, producer, ID, { type: 'go', expectedCue: state.nextCue.id, commandId: 'go-1' })).status).toBe(200);

    const revision = await editFirstResult('Corrected Imaginary Name');
    const plain = await call('POST', `/studio/ceremonies/${ID}/publish`, { revision });
    expect(plain.status).toBe(409);
    expect(plain.body.error.message).toContain('results correction');

    // With the policy on, the correction needs a second person: refused, nothing changed.
    expect((await call('PUT', `/ceremonies/${ID}/two-keys`, { correction: true, realRehearsal: false, retract: false, jump: false }, producer)).status).toBe(200);
    const guarded = await call('POST', `/studio/ceremonies/${ID}/publish`, { revision, correction: true });
    expect(guarded.body.error.code).toBe('second_key_required');
    expect((await getState(t.url, ID, producer)).version).toBe(1);

    // Without it, the correction is published and logged as one.
    expect((await call('PUT', `/ceremonies/${ID}/two-keys`, { correction: false, realRehearsal: false, retract: false, jump: false }, producer)).status).toBe(200);
    const corrected = await call('POST', `/studio/ceremonies/${ID}/publish`, { revision, correction: true });
    expect(corrected.status).toBe(200);
    expect(corrected.body.outcome).toBe('corrected');
    expect(corrected.body.corrected).toHaveLength(1);
    const after = await getState(t.url, ID, producer);
    expect(after.version).toBe(2);

    // A correction that changes what the screens show (a title) is refused, as the API refuses it.
    const next = await draft();
    const retitled = structuredClone(next.definition) as unknown as CeremonyDefinition;
    retitled.title = { fa: 'عنوان تازه', en: 'A new title' };
    const saved = await call<StudioDraft>('PUT', `/studio/ceremonies/${ID}/draft`, { definition: retitled, revision: next.stamp?.revision ?? null });
    const refused = await call('POST', `/studio/ceremonies/${ID}/publish`, { revision: saved.body.stamp!.revision, correction: true });
    expect(refused.status).toBe(409);
    expect((await getState(t.url, ID, producer)).version).toBe(2);
  });
});
