import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULT_COLUMNS } from '../../shared/csv-import';
import { applySheet, type SheetTable } from '../../shared/sheet-import';
import { blankDefinition } from '../../shared/studio';
import { INLINE_BYTES, XLSX_TYPE } from '../../server/studio/sheets';
import { sampleCeremony } from '../helpers/ceremony-harness';
import { login, startTestServer, type TestServer } from '../helpers/server-harness';

let t: TestServer;
let token: string;

beforeAll(async () => {
  t = await startTestServer();
  token = await login(t.url);
});
afterAll(() => t.stop());

async function postSheet(body: Uint8Array | string, type: string) {
  const res = await fetch(`${t.url}/api/studio/sheets`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });
  return { status: res.status, body: (await res.json()) as { tables?: SheetTable[]; error?: { code: string; message: string } } };
}

async function workbookBytes(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('[S32] POST /api/studio/sheets', () => {
  it('reads every sheet of an xlsx: numbers as their text, dates as YYYY-MM-DD, formulas as their result, blank rows kept', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('results');
      ws.addRow(['category', 'place', 'name_fa', 'name_en', 'score']);
      ws.addRow(['best-app', 1, 'شرکت نو', { richText: [{ text: 'New ' }, { text: 'Co.', font: { bold: true } }] }, 97.5]);
      ws.addRow([]);
      ws.addRow(['best-app', { formula: '1+1', result: 2 }, '', { text: 'Linked', hyperlink: 'https://example.org' }, new Date(Date.UTC(2026, 2, 1))]);
      wb.addWorksheet('notes').addRow(['anything', true]);
    });
    const { status, body } = await postSheet(bytes, XLSX_TYPE);
    expect(status).toBe(200);
    expect(body.tables).toEqual([
      { name: 'results', rows: [['category', 'place', 'name_fa', 'name_en', 'score'], ['best-app', '1', 'شرکت نو', 'New Co.', '97.5'], [], ['best-app', '2', '', 'Linked', '2026-03-01']] },
      { name: 'notes', rows: [['anything', 'true']] },
    ]);
  });

  it('reads a CSV (BOM, quoted line breaks), keeping its blank rows so that row numbers are the spreadsheet’s', async () => {
    const { status, body } = await postSheet('\uFEFFcategory,place,name_en\r\n\r\nbest-app,1,"two\nlines"\r\n', 'text/csv; charset=utf-8');
    expect(status).toBe(200);
    expect(body.tables).toEqual([{ name: 'CSV', rows: [['category', 'place', 'name_en'], [], ['best-app', '1', 'two\nlines']] }]);
  });

  it('refuses a broken file with a clear message (400 invalid_message), and another type (415)', async () => {
    const broken = await postSheet(new TextEncoder().encode('PK\u0003\u0004 not really a zip'), XLSX_TYPE);
    expect(broken).toMatchObject({ status: 400, body: { error: { code: 'invalid_message', message: expect.stringContaining('not a workbook Podium can read') as string } } });
    const quote = await postSheet('category,name_en\nbest-app,"open\n', 'text/csv');
    expect(quote).toMatchObject({ status: 400, body: { error: { code: 'invalid_message', message: 'The CSV could not be read: line 2, column 2: expected a closing " for the quoted field that starts here, got the end of the file' } } });
    const latin = await postSheet(new Uint8Array([0x63, 0x61, 0x74, 0x0a, 0xe9, 0xff]), 'text/csv');
    expect(latin).toMatchObject({ status: 400, body: { error: { code: 'invalid_message', message: expect.stringContaining('not UTF-8') as string } } });
    const pdf = await postSheet('%PDF-1.7', 'application/pdf');
    expect(pdf).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } });
    const anonymous = await fetch(`${t.url}/api/studio/sheets`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a\n' });
    expect(anonymous.status).toBe(401);
  });

  it('reads a 20,000-row workbook in a worker: the event loop never stalls, a ping is answered meanwhile', async () => {
    const header = [...RESULT_COLUMNS];
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('results');
      ws.addRow(header);
      for (let i = 0; i < 20_000; i++) ws.addRow([`category-${i % 200}`, (i % 100) + 1, '', '', '', 'organization', `سازمان ${i}`, `Organization ${i}`, `سامانه ${i}`, `System ${i}`, i % 100]);
    });
    // Big enough to be read off the event loop.
    expect(bytes.byteLength).toBeGreaterThan(INLINE_BYTES[XLSX_TYPE]);

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let answered = false;
    const sheet = fetch(`${t.url}/api/studio/sheets`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': XLSX_TYPE }, body: bytes }).then((res) => {
      answered = true;
      delay.disable();
      return res;
    });
    // Pings while the sheet is read: each answered at once, the first before the sheet is.
    const pings: number[] = [];
    while (!answered) {
      const started = performance.now();
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
      if (!answered) pings.push(performance.now() - started);
    }
    const res = await sheet;
    const body = (await res.json()) as { tables: SheetTable[] };
    expect(res.status).toBe(200);
    expect(body.tables[0]!.rows).toHaveLength(20_001);
    expect(body.tables[0]!.rows[20_000]).toEqual(['category-199', '100', '', '', '', 'organization', 'سازمان 19999', 'Organization 19999', 'سامانه 19999', 'System 19999', '99']);
    expect(pings.length).toBeGreaterThan(0);
    // Reading it on the event loop takes seconds of CPU; in the worker the loop's longest stall stays short.
    const longestStallMs = delay.max / 1e6;
    console.info(`20,000-row xlsx: ${pings.length} pings answered meanwhile, slowest ${Math.max(...pings).toFixed(0)} ms; longest event-loop stall ${longestStallMs.toFixed(0)} ms`);
    expect(longestStallMs).toBeLessThan(500);
  }, 120_000);
});

describe('[S32] GET /api/studio/templates/:kind.:format', () => {
  async function template(file: string, lang: 'fa' | 'en') {
    const res = await fetch(`${t.url}/api/studio/templates/${file}?lang=${lang}`, { headers: { authorization: `Bearer ${token}` } });
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  for (const lang of ['fa', 'en'] as const) {
    for (const format of ['xlsx', 'csv'] as const) {
      it(`round-trips the ${lang} ${format} templates: read back, applied, no problem`, async () => {
        const tableOf = async (kind: 'results' | 'categories') => {
          const { res, bytes } = await template(`${kind}.${format}`, lang);
          expect(res.status).toBe(200);
          expect(res.headers.get('content-disposition')).toContain(`podium-${kind}-${lang}.${format}`);
          const read = await postSheet(bytes, format === 'xlsx' ? XLSX_TYPE : 'text/csv');
          expect(read.status).toBe(200);
          return read.body.tables![0]!;
        };
        const categories = await tableOf('categories');
        // The header is in the canonical column ids, whatever the language.
        expect(categories.rows[0]!.slice(0, 4)).toEqual(['category', 'kind', 'title_fa', 'title_en']);
        const built = applySheet(blankDefinition('example', '2026-03-01'), categories, 'categories');
        expect(built.problems).toEqual([]);
        expect(built.changes.map((c) => [c.categoryId, c.kind, c.action])).toEqual([
          ['example-ranked', 'ranked', 'category-added'],
          ['example-nominees', 'nominees', 'category-added'],
        ]);
        const results = applySheet(built.next, await tableOf('results'), 'results');
        expect(results.problems).toEqual([]);
        expect(results.changes.map((c) => c.action)).toEqual(['results-replaced', 'results-replaced']);
      });
    }

    it(`the ${lang} xlsx template explains each column in ${lang}, on a help sheet and in a note on its header`, async () => {
      const { bytes } = await template('results.xlsx', lang);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(lang === 'fa' ? ['نتایج', 'راهنما'] : ['results', 'help']);
      const help = wb.worksheets[1]!;
      expect(help.getRow(2).getCell(1).value).toBe('category');
      expect(String(help.getRow(2).getCell(2).value)).toBe(lang === 'fa' ? 'شناسهٔ بخش' : 'Category id');
      const note = wb.worksheets[0]!.getRow(1).getCell(1).note;
      expect(JSON.stringify(note)).toContain(lang === 'fa' ? 'شناسهٔ بخش' : 'Category id');
    });
  }

  it('answers 404 for another template', async () => {
    expect((await template('people.xlsx', 'en')).res.status).toBe(404);
    expect((await template('results.pdf', 'en')).res.status).toBe(404);
  });
});

describe('[S32] the results of the CSV API and of a results sheet', () => {
  it('are the same', async () => {
    const csv = 'category,place,name_en\nbest-app,1,A\nbest-app,x,B\n';
    const api = await fetch(`${t.url}/api/ceremonies/sample-awards/results`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: csv });
    const apiProblems = ((await api.json()) as { error: { problems: { path: string; message: string }[] } }).error.problems;
    const { body } = await postSheet(csv, 'text/csv');
    const sheet = applySheet(sampleCeremony() as never, body.tables![0]!, 'results');
    expect(sheet.problems.map((p) => ({ path: `line ${p.row}${p.column ? `, column ${p.column}` : ''}`, message: p.message }))).toEqual(apiProblems);
  });
});
