import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import sample from '../../ceremonies/sample-awards.json';
import { getState, login, postCommand, startTestServer, TestOperator, TestScreen, type TestServer } from '../helpers/server-harness';

const SEED = 'egov-award-1399';
let t: TestServer;
let token: string;

beforeAll(async () => {
  t = await startTestServer();
  token = await login(t.url);
});
afterAll(() => t.stop());

describe('text limits over the API', () => {
  it('[S22] a 900 kB announcement is refused with invalid_command and a clear message, and nothing is appended', async () => {
    const before = (await getState(t.url, SEED)).seq;
    const res = await postCommand(t.url, token, SEED, { type: 'announce', commandId: 'huge', text: { en: 'x'.repeat(900_000) } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_command');
    expect(res.body.error.message).toContain('text.en: expected a text of at most 280 characters');
    expect(JSON.stringify(res.body).length).toBeLessThan(1_000);
    const after = await getState(t.url, SEED);
    expect(after.seq).toBe(before);
    expect(after.announcements).toEqual([]);
  });

  it('[S22] a definition with a 501-character title is refused with invalid_ceremony, naming the path', async () => {
    const changed = { ...structuredClone(sample), title: { en: 'y'.repeat(501) } };
    const res = await fetch(`${t.url}/api/ceremonies/${changed.id}`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(changed) });
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { error: { code: string; problems: { path: string; message: string }[] } };
    expect(answer.error.code).toBe('invalid_ceremony');
    expect(answer.error.problems).toEqual([{ path: 'title.en', message: expect.stringContaining('expected a text of at most 500 characters, got "yyy') }]);
  });

  it('[S22] a screen name past 60 characters is not taken: the registry shows the default name', async () => {
    const op = new TestOperator(t.url, SEED, token);
    const screen = new TestScreen(t.url, SEED, 'audience', { name: 'n'.repeat(61) });
    try {
      await vi.waitFor(() => expect(op.registry?.screens.find((s) => s.id === screen.socket.id)).toBeTruthy());
      expect(op.registry!.screens.find((s) => s.id === screen.socket.id)!.name).toBe(`audience ${screen.socket.id!.slice(0, 4)}`);
      screen.socket.emit('hello', { name: 'm'.repeat(61) });
      screen.socket.emit('hello', { name: 'Hall left' });
      await vi.waitFor(() => expect(op.registry!.screens.find((s) => s.id === screen.socket.id)!.name).toBe('Hall left'));
    } finally {
      screen.close();
      op.close();
    }
  });
});
