import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsPageUrl } from '../../server/archive/archive-api';
import { asRunRows } from '../../shared/as-run-log';
import { parse as parseCsv } from 'csv-parse/sync';
import type { CeremonyEvent } from '../../shared/events';
import type { ResultsExport } from '../../shared/results-export';
import { parseRunFile } from '../../shared/run-file';
import { parseCeremony } from '../../shared/validation';
import { seedCeremony } from '../helpers/ceremony-harness';
import { getState, login, postCommand, ROOT, startTestServer, type TestServer } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
let t: TestServer;
let token: string;

beforeAll(async () => {
  t = await startTestServer();
  token = await login(t.url);
});
afterAll(() => t.stop());

const get = (p: string, auth?: string) => fetch(`${t.url}/api/ceremonies/${p}`, { headers: auth ? { authorization: `Bearer ${auth}` } : {} });
const table = (csv: string) => {
  const [header, ...rows] = parseCsv(csv, { bom: true }) as string[][];
  return rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
};

/** GO until `done` holds for the operator state. */
async function goUntil(ceremonyId: string, done: (state: any) => boolean): Promise<void> {
  for (let state = await getState(t.url, ceremonyId, token); !done(state); state = await getState(t.url, ceremonyId, token)) {
    expect((await postCommand(t.url, token, ceremonyId, { type: 'go', expectedCue: state.nextCue.id })).status).toBe(200);
  }
}

describe('archive API (docs/api.md#archive)', () => {
  it('operator-only exports refuse an anonymous caller; an unknown ceremony is 404', async () => {
    for (const p of ['as-run.csv', 'definition.json', 'run.json', 'certificates.json']) {
      const res = await get(`${SEED}/${p}`);
      expect([p, res.status]).toEqual([p, 401]);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
    expect((await get('no-such/results.json')).status).toBe(404);
    expect(await (await get('no-such/results.csv')).json()).toMatchObject({ error: { code: 'unknown_ceremony' } });
  });

  it('[S3] mid-ceremony, the results export (JSON and CSV, anonymous or operator) holds the revealed results and no unrevealed name', async () => {
    await goUntil(SEED, (s) => s.categories[0].results.length === 2);
    const unrevealed = seedCeremony().categories[0]!;
    const secret = unrevealed.kind === 'ranked' ? unrevealed.results.filter((r) => r.place <= 2).flatMap((r) => [r.recipient.name.fa!, r.recipient.name.en!]) : [];
    expect(secret).toHaveLength(4);
    for (const auth of [undefined, token]) {
      const json = (await (await get(`${SEED}/results.json`, auth)).json()) as ResultsExport;
      expect(json.status).toBe('in_progress');
      expect(json.categories[0]!.results.map((r) => r.place)).toEqual([3, 4]);
      const csvRes = await get(`${SEED}/results.csv`, auth);
      expect(csvRes.headers.get('content-type')).toMatch(/^text\/csv/);
      const csv = await csvRes.text();
      expect(table(csv).map((r) => r.place)).toEqual(['3', '4']);
      for (const name of secret) expect(JSON.stringify(json) + csv).not.toContain(name);
    }
    // Nor do the certificates: only what was revealed.
    const certificates = (await (await get(`${SEED}/certificates.json`, token)).json()) as { certificates: unknown[] };
    expect(certificates.certificates).toHaveLength(2);
    for (const name of secret) expect(JSON.stringify(certificates)).not.toContain(name);
  });

  it('after the ceremony: results ranked 1st to 4th with both dates; the CSV parses back to the JSON', async () => {
    await goUntil(SEED, (s) => s.nextCue === null);
    const json = (await (await get(`${SEED}/results.json`)).json()) as ResultsExport;
    expect(json).toMatchObject({ status: 'ended', date: { gregorian: '2021-02-23', jalali: '1399-12-05' } });
    const csvRes = await get(`${SEED}/results.csv`);
    expect(csvRes.headers.get('content-disposition')).toContain('egov-award-1399-results.csv');
    expect(table(await csvRes.text())).toEqual(
      json.categories[0]!.results.map((r) => ({
        ceremony_id: SEED,
        date_gregorian: '2021-02-23',
        date_jalali: '1399-12-05',
        category: 'g2g',
        category_fa: json.categories[0]!.title.fa,
        category_en: json.categories[0]!.title.en,
        place: String(r.place),
        mention: '',
        type: r.recipient.type,
        name_fa: r.recipient.name.fa,
        name_en: r.recipient.name.en,
        entry_fa: r.recipient.entry?.fa ?? '',
        entry_en: r.recipient.entry?.en ?? '',
        score: '',
        attendance: '',
        accepted_by_fa: '',
        accepted_by_en: '',
      })),
    );
    expect(json.categories[0]!.results.map((r) => r.recipient.name.en)).toEqual([
      'Office of the Cabinet of the Islamic Republic',
      'Ministry of Health and Medical Education',
      'E-Commerce Development Center',
      'Administrative and Recruitment Organization',
    ]);
    const certificates = (await (await get(`${SEED}/certificates.json`, token)).json()) as { certificates: { place: number }[] };
    expect(certificates.certificates.map((c) => c.place)).toEqual([1, 2, 3, 4]);
  });

  it('the as-run log has one row per event of the audit log, in seq order, with times and names', async () => {
    const res = await get(`${SEED}/as-run.csv`, token);
    expect(res.status).toBe(200);
    const rows = table(await res.text());
    const operator = await getState(t.url, SEED, token);
    const events = operator.recent as CeremonyEvent[];
    expect(rows.map((r) => Number(r.seq))).toEqual(events.map((e) => e.seq));
    expect(rows.map((r) => r.type)).toEqual(events.map((e) => e.type));
    expect(rows.map((r) => r.time)).toEqual(events.map((e) => new Date(e.at).toISOString()));
    expect(rows.map((r) => r.shown_time)).toEqual(events.map((e) => new Date(e.showAt ?? e.at).toISOString()));
    expect(rows[0]).toMatchObject({ type: 'cue_started', cue_id: 'opening', since_first_cue: '00:00:00.000', actor: 'producer' });
    expect(rows.filter((r) => r.type === 'result_revealed').map((r) => [r.place, r.names_fa])).toEqual([
      ['4', 'سازمان اداری و استخدامی کشور'],
      ['3', 'مرکز توسعه تجارت الکترونیکی'],
      ['2', 'وزارت بهداشت، درمان و آموزش پزشکی'],
      ['1', 'دفتر هیئت دولت جمهوری اسلامی'],
    ]);
    const expected = asRunRows(events, operator.cues);
    expect(rows.map((r) => r.since_first_cue)).toEqual(expected.map((r) => r.sinceFirstCue));
    expect(rows.at(-1)).toMatchObject({ cue_id: 'closing', cue_en: 'End of the closing ceremony' });
  });

  it('the run file of the live run is a valid run file that folds to the live state', async () => {
    const res = await get(`${SEED}/run.json`, token);
    const file = await res.json();
    const parsed = parseRunFile(file, seedCeremony());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toMatchObject({ ceremonyId: SEED, kind: 'live', runId: `live:${SEED}` });
    const anonymous = await getState(t.url, SEED);
    expect(parsed.state.seq).toBe(anonymous.seq);
    expect(parsed.state.endedAt).toBe(anonymous.endedAt);
  });

  it('round trip: a definition exported and imported again with PUT is the same ceremony', async () => {
    const shipped = parseCeremony(JSON.parse(fs.readFileSync(path.join(ROOT, 'ceremonies/sample-awards.json'), 'utf8')));
    const exported = await (await get('sample-awards/definition.json', token)).json();
    expect(shipped.ok && exported).toEqual(shipped.ok && shipped.value);
    const put = (id: string, body: unknown) =>
      fetch(`${t.url}/api/ceremonies/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    expect((await put('sample-awards', exported)).status).toBe(200);
    expect(await (await get('sample-awards/definition.json', token)).json()).toEqual(exported);
    // Under a new id, as a copy: the same ceremony in every other respect.
    const copy = { ...(exported as object), id: 'sample-awards-copy' };
    expect((await put('sample-awards-copy', copy)).status).toBe(201);
    expect(await (await get('sample-awards-copy/definition.json', token)).json()).toEqual(copy);
    const [a, b] = await Promise.all([getState(t.url, 'sample-awards', token), getState(t.url, 'sample-awards-copy', token)]);
    expect(b.cues).toEqual(a.cues);
    expect({ ...b.ceremony, id: 'x' }).toEqual({ ...a.ceremony, id: 'x' });
  });

  it('the results QR code is an SVG of the public results page link', async () => {
    const res = await get(`${SEED}/results-qr.svg`);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(resultsPageUrl(t.url, SEED)).toBe(`${t.url}/results/${SEED}`);
    const expected = await QRCode.toString(resultsPageUrl(t.url, SEED), { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    expect(await res.text()).toBe(expected);
  });
});
