import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchCeremony, benchCsv } from '../../scripts/bench-import';
import { importResultsCsv } from '../../server/csv/results-import';
import { sampleCeremony } from '../helpers/ceremony-harness';
import { connected, login, postCommand, startTestServer, TestScreen, type TestServer } from '../helpers/server-harness';

let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startTestServer();
  token = await login(t.url);
});
afterAll(() => t.stop());

const importCsv = (ceremonyId: string, csv: string) =>
  fetch(`${t.url}/api/ceremonies/${ceremonyId}/results`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body: csv });

describe('[S9] the results CSV is read by csv-parse', () => {
  it('[S9] an unterminated quote is refused with its line and column, and changes nothing', () => {
    const imported = importResultsCsv(sampleCeremony(), 'category,place,name_en\nbest-app,1,"New Co.\nbest-app,2,Other\n');
    expect(imported.ok).toBe(false);
    expect(!imported.ok && imported.problems).toEqual([{ path: 'line 2, column 3', message: 'expected a closing " for the quoted field that starts here, got the end of the file' }]);
  });

  it('[S9] a quote in the middle of a field, or text after a closing one, is refused with its line', () => {
    const middle = importResultsCsv(sampleCeremony(), 'category,place,name_en\nbest-app,1,New "Co"\n');
    expect(!middle.ok && middle.problems[0]!.path).toMatch(/^line 2/);
    const after = importResultsCsv(sampleCeremony(), 'category,place,name_en\nbest-app,1,"New" Co\n');
    expect(!after.ok && after.problems[0]!.path).toMatch(/^line 2/);
  });

  it('[S9] line numbers count the lines of quoted fields that span several, and skip blank lines', () => {
    const imported = importResultsCsv(sampleCeremony(), 'category,place,name_en,entry_en\n\nbest-app,1,A,"two\nlines"\nbest-app,x,B,\n');
    expect(!imported.ok && imported.problems).toEqual([{ path: 'line 5, column place', message: 'expected a whole number ≥ 1, got "x"' }]);
  });
});

describe('a large results import', () => {
  it('[S9] once the live run has begun, the import is refused with conflict before its CSV is read (even a malformed one)', async () => {
    expect((await postCommand(t.url, token, 'sample-awards', { type: 'go', expectedCue: 'opening' })).status).toBe(200);
    const res = await importCsv('sample-awards', 'category,place\n"never closed');
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('conflict');
  });

  it('20,000 rows are imported while a connected screen keeps getting its clock answered (the ping is answered before the import ends)', async () => {
    const put = await fetch(`${t.url}/api/ceremonies/bench-import`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(benchCeremony(200)) });
    expect(put.status).toBe(201);
    const screen = new TestScreen(t.url, 'egov-award-1399');
    try {
      await connected(screen.socket);
      let finished = false;
      const importing = importCsv('bench-import', benchCsv(20_000, 200)).then(async (res) => {
        finished = true;
        return res;
      });
      // Wait until the server is at work on it: the request is in (a ping answered after that is the point).
      const answeredDuring: boolean[] = [];
      for (let i = 0; i < 5; i++) {
        await screen.socket.timeout(60_000).emitWithAck('clock', Date.now());
        answeredDuring.push(!finished);
      }
      const res = await importing;
      expect(res.status).toBe(200);
      expect(answeredDuring.every(Boolean)).toBe(true);
      const definition = (await (await fetch(`${t.url}/api/ceremonies/bench-import/definition.json`, { headers: { authorization: `Bearer ${token}` } })).json()) as { categories: { results: unknown[] }[] };
      expect(definition.categories.reduce((n, c) => n + c.results.length, 0)).toBe(20_000);
    } finally {
      screen.close();
    }
  }, 120_000);
});
