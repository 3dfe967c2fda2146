import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CeremonyDefinition } from '../../shared/ceremony';
import type { CrewRole } from '../../shared/crew';
import type { DefinitionDiffLine } from '../../shared/definition-diff';
import { blankDefinition, tidyDefinition, type DraftDefinition, type StudioCeremony, type StudioDraft } from '../../shared/studio';
import { parseCeremony } from '../../shared/validation';
import { sampleCeremony } from '../helpers/ceremony-harness';
import { freshSchema } from '../helpers/scale-out-harness';
import { getState, postCommand, startTestServer, type TestServer } from '../helpers/server-harness';

/** S32: the studio's drafts, revisions, masking and publishing, on a real server (SQLite). */

let t: TestServer;
const tokens = {} as Record<CrewRole, string>;

beforeAll(async () => {
  t = await startTestServer();
  for (const role of ['producer', 'results_officer', 'stage_manager', 'presenter', 'operator'] as const) {
    tokens[role] = t.server.auth.issueToken(Date.now(), { personId: `person-${role}`, name: `Person ${role}`, role }).token;
  }
});
afterAll(() => t.stop());

async function call<T = any>(method: string, path: string, body?: unknown, role: CrewRole = 'results_officer'): Promise<{ status: number; body: T; headers: Headers; text: string }> {
  const res = await fetch(`${t.url}/api/studio${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[role]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed as T, headers: res.headers, text };
}

/** A draft, or an error (the tests read whichever the case expects). */
type DraftAnswer = StudioDraft & { error: { code: string; message: string } };
const create = (id: string, start: Record<string, unknown>) => call<DraftAnswer>('POST', '/ceremonies', { id, ...start });
const save = (id: string, definition: DraftDefinition, revision: number | null) => call<DraftAnswer>('PUT', `/ceremonies/${id}/draft`, { definition, revision });
const list = async (role: CrewRole = 'results_officer') => (await call<StudioCeremony[]>('GET', '/ceremonies', undefined, role)).body;

/** Every secret name of the sample: the ranked results' recipients and every mention (names and entries). */
function secretTexts(def: CeremonyDefinition): string[] {
  return def.categories
    .flatMap((c) => [...(c.kind === 'ranked' ? c.results.map((r) => r.recipient) : []), ...(c.mentions ?? []).map((m) => m.recipient)])
    .flatMap((r) => [r.name.fa, r.name.en, r.entry?.fa, r.entry?.en])
    .filter((s): s is string => !!s);
}

describe('[S32] the studio: new ceremonies', () => {
  it('[S32] from blank (today by the server clock), from the sample, as a duplicate; each a draft at revision 1', async () => {
    const blank = await create('studio-blank', { from: 'blank' });
    expect(blank.status).toBe(201);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    expect(blank.body).toMatchObject({ id: 'studio-blank', definition: blankDefinition('studio-blank', today), stamp: { revision: 1, updatedBy: 'Person results_officer', basedOn: null }, masked: false });
    expect(blank.body.problems.length).toBeGreaterThan(0);

    const sample = await create('studio-sample', { from: 'sample' });
    expect(sample.status).toBe(201);
    expect(sample.body.definition).toEqual({ ...(sampleCeremony() as unknown as DraftDefinition), id: 'studio-sample', $schema: '../docs/ceremony.schema.json' });
    expect(sample.body.problems).toEqual([]);

    const copy = await create('studio-copy', { from: 'duplicate', sourceId: 'studio-sample' });
    expect(copy.body.definition).toEqual({ ...sample.body.definition, id: 'studio-copy' });
    const published = await create('studio-copy-2', { from: 'duplicate', sourceId: 'egov-award-1399' });
    expect(published.status).toBe(201);
    expect(published.body.definition.categories!.length).toBeGreaterThan(0);

    const listed = await list();
    expect(listed.find((c) => c.id === 'studio-sample')).toMatchObject({ title: sampleCeremony().title, date: '2026-12-18', archived: false, published: null, draft: { revision: 1 }, liveStarted: false });
    expect(listed.find((c) => c.id === 'sample-awards')).toMatchObject({ published: { version: 1, hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }, draft: null });
  });

  it('[S32] a taken id is a conflict, a bad id or start is invalid_message, an unknown source unknown_ceremony; none makes anything', async () => {
    expect((await create('sample-awards', { from: 'blank' })).body.error.code).toBe('conflict');
    expect((await create('studio-blank', { from: 'sample' })).status).toBe(409);
    expect((await create('Not An Id', { from: 'blank' })).body.error.code).toBe('invalid_message');
    expect((await create('fine-id', { from: 'nowhere' })).body.error.code).toBe('invalid_message');
    expect((await create('fine-id', { from: 'duplicate', sourceId: 'no-such-thing' })).body.error.code).toBe('unknown_ceremony');
    expect((await create('fine-id', { from: 'blank' })).status).toBe(201);
    expect((await list()).filter((c) => c.id === 'fine-id')).toHaveLength(1);
    // Creating needs results.edit.
    expect((await call('POST', '/ceremonies', { id: 'by-stage', from: 'blank' }, 'stage_manager')).status).toBe(403);
  });
});

describe('[S32] the studio: saving by revision', () => {
  it('[S32] each save adds one; a save on a stale revision is a conflict and changes nothing; problems are validateDraft’s', async () => {
    const { body: start } = await create('studio-save', { from: 'sample' });
    const edited = { ...start.definition, title: { fa: 'عنوان تازه', en: 'New title' } };
    const saved = await save('studio-save', edited, 1);
    expect(saved.status).toBe(200);
    expect(saved.body.stamp).toMatchObject({ revision: 2, updatedBy: 'Person results_officer' });
    const stale = await save('studio-save', { ...start.definition, title: { en: 'From another tab' } }, 1);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.message).toContain('revision 2');
    expect((await save('studio-save', edited, null)).status).toBe(409);
    const now = await call<StudioDraft>('GET', '/ceremonies/studio-save/draft');
    expect(now.body.definition.title).toEqual({ fa: 'عنوان تازه', en: 'New title' });
    expect(now.body.stamp!.revision).toBe(2);

    const invalid = { ...edited, date: 'someday', categories: 'none' } as unknown as DraftDefinition;
    const kept = await save('studio-save', invalid, 2);
    expect(kept.body.stamp!.revision).toBe(3);
    const checked = parseCeremony(tidyDefinition(invalid));
    expect(checked.ok).toBe(false);
    expect(kept.body.problems).toEqual(checked.ok ? [] : checked.problems);
  });

  it('[S32] a draft’s id stays; a body that is not {definition, revision}, or too big, is refused', async () => {
    await create('studio-limits', { from: 'blank' });
    expect((await save('studio-limits', { id: 'another-id' }, 1)).body.error.code).toBe('invalid_message');
    expect((await call('PUT', '/ceremonies/studio-limits/draft', { definition: [], revision: 1 })).body.error.code).toBe('invalid_message');
    expect((await call('PUT', '/ceremonies/studio-limits/draft', { definition: {}, revision: 0 })).body.error.code).toBe('invalid_message');
    expect((await save('studio-limits', { id: 'studio-limits', notes: 'x'.repeat(2_000_100) }, 1)).body.error.code).toBe('invalid_message');
    expect((await save('no-such-ceremony', { id: 'no-such-ceremony' }, null)).body.error.code).toBe('unknown_ceremony');
    expect((await call<StudioDraft>('GET', '/ceremonies/studio-limits/draft')).body.stamp!.revision).toBe(1);
    expect((await call('PUT', '/ceremonies/studio-limits/draft', { definition: {}, revision: 1 }, 'stage_manager')).status).toBe(403);
  });

  it('[S32] discarding a draft gives back the newest published version; a never-published ceremony is archived, not discarded', async () => {
    const sample = sampleCeremony();
    const started = await save('sample-awards', { ...(sample as unknown as DraftDefinition), venue: { en: 'Elsewhere' } }, null);
    expect(started.body.stamp).toMatchObject({ revision: 1, basedOn: 1 });
    const diff = await call<{ lines: DefinitionDiffLine[]; basedOn: number }>('GET', '/ceremonies/sample-awards/diff', undefined, 'stage_manager');
    expect(diff.body.basedOn).toBe(1);
    expect(diff.body.lines.map((l) => l.text.en)).toContain('Venue (English): “\u2068Imaginary Hall No. 1\u2069” → “\u2068Elsewhere\u2069”');
    const discarded = await call<StudioDraft>('DELETE', '/ceremonies/sample-awards/draft');
    expect(discarded.status).toBe(200);
    expect(discarded.body).toMatchObject({ stamp: null, definition: { venue: sample.venue } });
    expect((await call('GET', '/ceremonies/sample-awards/diff')).body.lines).toEqual([]);
    await create('studio-unpublished', { from: 'blank' });
    expect((await call('DELETE', '/ceremonies/studio-unpublished/draft')).body.error.code).toBe('conflict');
  });
});

describe('[S32] the studio: masked for a role without results.see', () => {
  it('[S32] a stage manager gets the shape of the sample without a result, winner, mention name or score; a results officer gets it all', async () => {
    const sample = sampleCeremony();
    const secrets = secretTexts(sample);
    expect(secrets.length).toBeGreaterThan(6);
    // Published only, and as a draft (with a nominee's photo and organization, which are secret too).
    const withPhoto = structuredClone(sample) as unknown as DraftDefinition;
    const open = withPhoto.categories!.find((c) => c.id === 'open-data')!;
    if (open.kind !== 'nominees') throw new Error('open-data is a nominees category');
    open.nominees[0]!.recipient.photo = 'a'.repeat(64);
    await create('studio-masked', { from: 'sample' });
    await save('studio-masked', { ...withPhoto, id: 'studio-masked' }, 1);
    for (const id of ['sample-awards', 'studio-masked']) {
      for (const role of ['stage_manager', 'presenter'] as const) {
        const masked = await call<StudioDraft>('GET', `/ceremonies/${id}/draft`, undefined, role);
        expect(masked.status).toBe(200);
        expect(masked.body.masked).toBe(true);
        for (const secret of secrets) expect(masked.text.includes(JSON.stringify(secret).slice(1, -1)), `${role} got ${secret}`).toBe(false);
        expect(masked.text).not.toMatch(/"(score|photo|organizationId|entry)"/);
        const categories = masked.body.definition.categories!;
        expect(categories.map((c) => [c.id, c.kind])).toEqual(sample.categories.map((c) => [c.id, c.kind]));
        for (const c of categories) {
          const real = sample.categories.find((r) => r.id === c.id)!;
          if (c.kind === 'ranked' && real.kind === 'ranked') {
            expect(c.results.map((r) => r.place)).toEqual(real.results.map((r) => r.place).sort((a, b) => a - b));
            expect(c.results.every((r) => r.recipient.name.fa === '' && r.recipient.name.en === '')).toBe(true);
            expect(c.mentions?.length).toBe(real.mentions?.length);
          }
          if (c.kind === 'nominees' && real.kind === 'nominees') {
            expect(c.winners).toEqual([]);
            // The nominees are public: their names, in the public order, under their public ids.
            expect(c.nominees.map((n) => n.id)).toEqual(real.nominees.map((_, i) => `nominee-${i + 1}`));
            expect(c.nominees.map((n) => n.recipient.name).sort((a, b) => String(a.en).localeCompare(String(b.en)))).toEqual(
              real.nominees.map((n) => n.recipient.name).sort((a, b) => String(a.en).localeCompare(String(b.en))),
            );
          }
        }
        expect(masked.body.definition.runOfShow).toEqual(sample.runOfShow);
        expect(masked.body.definition.title).toEqual(sample.title);
      }
      const full = await call<StudioDraft>('GET', `/ceremonies/${id}/draft`, undefined, 'results_officer');
      expect(full.body.masked).toBe(false);
      for (const secret of secrets) expect(full.text).toContain(JSON.stringify(secret).slice(1, -1));
    }
    // The definition's hash is the results' fingerprint: not for a role that may not see them.
    const listed = (await list('stage_manager')).find((c) => c.id === 'sample-awards')!;
    expect(listed.published).toEqual({ version: 1, hash: '' });
    // Results export is results.see.
    expect((await call('GET', '/ceremonies/sample-awards/export?which=published', undefined, 'stage_manager')).status).toBe(403);
  });

  it('[S32] a masked draft’s problems in its results say where, not what', async () => {
    const draft = structuredClone(sampleCeremony()) as unknown as DraftDefinition;
    const best = draft.categories!.find((c) => c.id === 'best-app')!;
    if (best.kind !== 'ranked') throw new Error('best-app is ranked');
    best.results[0]!.recipient.name = { en: `Secret Winner ${'x'.repeat(600)}` };
    await create('studio-masked-problems', { from: 'sample' });
    await save('studio-masked-problems', { ...draft, id: 'studio-masked-problems' }, 1);
    const masked = await call<StudioDraft>('GET', '/ceremonies/studio-masked-problems/draft', undefined, 'stage_manager');
    expect(masked.text).not.toContain('Secret Winner');
    expect(masked.body.problems).toEqual([{ path: 'categories[0].results', message: expect.stringMatching(/^hidden/) }]);
    const full = await call<StudioDraft>('GET', '/ceremonies/studio-masked-problems/draft');
    expect(full.body.problems[0]!.path).toBe('categories[0].results[0].recipient.name.en');
  });
});

describe('[S32][S34] the studio: attendance is masked like the results', () => {
  it('[S32][S34] a stage manager gets no attendance, no one who accepts, and a problem in it only as hidden; a results officer gets it all', async () => {
    const draft = structuredClone(sampleCeremony()) as unknown as DraftDefinition;
    const best = draft.categories!.find((c) => c.id === 'best-app')!;
    const open = draft.categories!.find((c) => c.id === 'open-data')!;
    if (best.kind !== 'ranked' || open.kind !== 'nominees') throw new Error('the sample changed');
    best.results[0]!.attendance = { status: 'on_behalf', acceptedBy: { fa: 'نمایندهٔ پنهان', en: 'Hidden Proxy Person' } };
    best.mentions![0]!.attendance = { status: 'remote' };
    open.nominees[0]!.attendance = { status: 'absent' };
    // And one that is not valid (who accepts, in no language): its problem names a secret place.
    open.nominees[1]!.attendance = { status: 'on_behalf', acceptedBy: {} };
    await create('studio-masked-s34', { from: 'sample' });
    const saved = await save('studio-masked-s34', { ...draft, id: 'studio-masked-s34' }, 1);
    expect(saved.status).toBe(200);
    const masked = await call<StudioDraft>('GET', '/ceremonies/studio-masked-s34/draft', undefined, 'stage_manager');
    expect(masked.body.masked).toBe(true);
    expect(masked.text).not.toMatch(/attendance|on_behalf|remote|absent|Hidden Proxy Person|نمایندهٔ پنهان/);
    expect(masked.body.problems.length).toBeGreaterThan(0);
    for (const problem of masked.body.problems) expect(problem).toEqual({ path: expect.stringMatching(/^categories\[\d+\]\.nominees$/), message: expect.stringMatching(/^hidden/) });
    const full = await call<StudioDraft>('GET', '/ceremonies/studio-masked-s34/draft');
    expect(full.text).toContain('Hidden Proxy Person');
    expect(full.body.problems.some((p) => p.path.startsWith('categories[1].nominees[1].attendance'))).toBe(true);
  });
});

describe('[S32] the studio: publishing is a definition version', () => {
  it('[S32] an invalid draft is refused with parseCeremony’s problems; a valid one becomes the version the live run uses', async () => {
    const { body: blank } = await create('studio-publish', { from: 'blank' });
    const refused = await call('POST', '/ceremonies/studio-publish/publish', { revision: 1 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid_ceremony');
    const checked = parseCeremony(tidyDefinition(blank.definition));
    expect(refused.body.error.problems).toEqual(checked.ok ? [] : checked.problems);
    expect((await getState(t.url, 'studio-publish')).error.code).toBe('unknown_ceremony');

    const sample = sampleCeremony() as unknown as DraftDefinition;
    const saved = await save('studio-publish', { ...sample, id: 'studio-publish', title: { fa: 'مراسم منتشرشده', en: 'Published from the studio' } }, 1);
    expect((await call('POST', '/ceremonies/studio-publish/publish', { revision: 1 })).body.error.code).toBe('conflict');
    const published = await call('POST', '/ceremonies/studio-publish/publish', { revision: saved.body.stamp!.revision });
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ version: 1, hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), outcome: 'created', corrected: [] });
    const everyone = (await (await fetch(`${t.url}/api/ceremonies`)).json()) as { id: string }[];
    expect(everyone.map((c) => c.id)).toContain('studio-publish');
    const state = await getState(t.url, 'studio-publish');
    expect(state.ceremony.title).toEqual({ fa: 'مراسم منتشرشده', en: 'Published from the studio' });
    // The published version is the draft now.
    const after = await call<StudioDraft>('GET', '/ceremonies/studio-publish/draft');
    expect(after.body.stamp).toBeNull();
    expect((await list()).find((c) => c.id === 'studio-publish')).toMatchObject({ published: { version: 1, hash: published.body.hash }, draft: null, liveStarted: false });
    // The next draft is based on it and goes on numbering; publishing it replaces the version.
    const next = await save('studio-publish', { ...after.body.definition, venue: { en: 'The big hall' } }, null);
    expect(next.body.stamp).toMatchObject({ revision: 3, basedOn: 1 });
    const again = await call('POST', '/ceremonies/studio-publish/publish', { revision: 3 });
    expect(again.body).toMatchObject({ version: 2, outcome: 'replaced' });
    expect((await getState(t.url, 'studio-publish')).ceremony.venue).toEqual({ en: 'The big hall' });
    expect((await call('POST', '/ceremonies/studio-publish/publish', { revision: 3 })).body.error.code).toBe('conflict');
    expect((await call('POST', '/ceremonies/studio-publish/publish', { revision: 4 }, 'stage_manager')).status).toBe(403);
  });

  it('[S32] two publishes of one revision at once make one version; the other is a conflict', async () => {
    await create('studio-twice', { from: 'sample' });
    const answers = await Promise.all([1, 2, 3].map(() => call('POST', '/ceremonies/studio-twice/publish', { revision: 1 })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect((await getState(t.url, 'studio-twice')).version).toBe(1);
  });

  it('[S32] once the live run has begun, publishing is refused with the message that points at the results correction', async () => {
    await create('studio-live', { from: 'sample' });
    expect((await call('POST', '/ceremonies/studio-live/publish', { revision: 1 })).status).toBe(201);
    const first = await getState(t.url, 'studio-live', tokens.producer);
    const go = await postCommand(t.url, tokens.producer, 'studio-live', { type: 'go', expectedCue: first.nextCue.id });
    expect(go.status).toBe(200);
    expect((await list()).find((c) => c.id === 'studio-live')!.liveStarted).toBe(true);
    const { body: current } = await call<StudioDraft>('GET', '/ceremonies/studio-live/draft');
    const saved = await save('studio-live', { ...current.definition, venue: { en: 'Too late' } }, null);
    const refused = await call('POST', '/ceremonies/studio-live/publish', { revision: saved.body.stamp!.revision });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('results correction') });
    // Nothing changed: the draft is kept, the live run on version 1.
    expect((await call<StudioDraft>('GET', '/ceremonies/studio-live/draft')).body.stamp!.revision).toBe(saved.body.stamp!.revision);
    expect((await getState(t.url, 'studio-live')).version).toBe(1);
  });
});

describe('[S32] the studio: archive and export', () => {
  it('[S32] archiving is a flag on the ceremony, listed, undone the same way', async () => {
    const archived = await call<StudioCeremony>('POST', '/ceremonies/egov-award-1399/archive', { archived: true });
    expect(archived.body).toMatchObject({ id: 'egov-award-1399', archived: true, published: { version: 1 } });
    expect((await list('presenter')).find((c) => c.id === 'egov-award-1399')!.archived).toBe(true);
    expect((await call<StudioCeremony>('POST', '/ceremonies/egov-award-1399/archive', { archived: false })).body.archived).toBe(false);
    expect((await call('POST', '/ceremonies/egov-award-1399/archive', { archived: 'yes' })).body.error.code).toBe('invalid_message');
    expect((await call('POST', '/ceremonies/nothing-here/archive', { archived: true })).body.error.code).toBe('unknown_ceremony');
    expect((await call('POST', '/ceremonies/egov-award-1399/archive', { archived: true }, 'stage_manager')).status).toBe(403);
  });

  it('[S32] export: the draft or the published version, tidied, as an attachment', async () => {
    const { body: start } = await create('studio-export', { from: 'sample' });
    await save('studio-export', { ...start.definition, edition: { fa: '', en: 'Second' } }, 1);
    const draft = await call('GET', '/ceremonies/studio-export/export?which=draft');
    expect(draft.status).toBe(200);
    expect(draft.headers.get('content-disposition')).toBe('attachment; filename="studio-export-draft.json"');
    expect(draft.headers.get('content-type')).toMatch(/^application\/json/);
    expect(draft.body).toEqual(tidyDefinition({ ...start.definition, edition: { en: 'Second' } }));
    expect((await call('GET', '/ceremonies/studio-export/export?which=published')).status).toBe(404);
    const published = await call('GET', '/ceremonies/sample-awards/export?which=published');
    expect(published.headers.get('content-disposition')).toBe('attachment; filename="sample-awards.json"');
    expect(parseCeremony(published.body).ok).toBe(true);
    expect((await call('GET', '/ceremonies/sample-awards/export?which=everything')).body.error.code).toBe('invalid_message');
  });

  it('[S32] no log line holds a result of the sample', () => {
    const logs = t.logs.join('\n');
    for (const secret of secretTexts(sampleCeremony())) expect(logs).not.toContain(secret);
  });
});

describe('[S32] the studio on PostgreSQL, two processes', () => {
  it('[S32] a draft saved through one server is read by the other, and a stale save there is refused', async () => {
    const schema = await freshSchema();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-studio-pg-'));
    const env = { DATABASE_URL: schema.url };
    const a = await startTestServer({ dataDir, env });
    const b = await startTestServer({ dataDir, env });
    try {
      const token = a.server.auth.issueToken(Date.now(), { personId: 'p-ro', name: 'Rana', role: 'results_officer' }).token;
      const send = (server: TestServer, method: string, path: string, body?: unknown) =>
        fetch(`${server.url}/api/studio${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }).then(async (r) => ({ status: r.status, body: (await r.json()) as DraftAnswer }));
      const made = await send(a, 'POST', '/ceremonies', { id: 'pg-studio', from: 'sample' });
      expect(made.status).toBe(201);
      const onB = await send(b, 'GET', '/ceremonies/pg-studio/draft');
      expect(onB.body.stamp!.revision).toBe(1);
      const saved = await send(b, 'PUT', '/ceremonies/pg-studio/draft', { definition: { ...onB.body.definition, venue: { en: 'B' } }, revision: 1 });
      expect(saved.body.stamp!.revision).toBe(2);
      const stale = await send(a, 'PUT', '/ceremonies/pg-studio/draft', { definition: { ...made.body.definition, venue: { en: 'A' } }, revision: 1 });
      expect(stale.status).toBe(409);
      const published = await send(a, 'POST', '/ceremonies/pg-studio/publish', { revision: 2 });
      expect(published.status).toBe(201);
      expect((await getState(b.url, 'pg-studio')).ceremony.venue).toEqual({ en: 'B' });
    } finally {
      await a.stop();
      await b.stop();
      await schema.drop();
    }
  });
});
