import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { actionsArb, ceremonyArb, toCommand } from '../helpers/arbitraries';
import { getState, login, TestScreen, startTestServer, type TestServer } from '../helpers/server-harness';

let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startTestServer();
  token = await login(t.url);
});
afterAll(() => t.stop());

/** The names whose reveal cue has not been revealed yet, as JSON string values. */
function unrevealed(def: CeremonyDefinition, revealed: ReadonlySet<string>): string[] {
  return def.categories.flatMap((c) => [
    ...(c.mentions && !revealed.has(`${c.id}/mentions`) ? c.mentions.map((m) => m.recipient.name.en!) : []),
    ...(c.kind === 'ranked' ? c.results.filter((r) => !revealed.has(`${c.id}/place-${r.place}`)).map((r) => r.recipient.name.en!) : []),
  ]).map((name) => JSON.stringify(name));
}

/** The salts of a ceremony's latest seal, from the server's own file (they are in no public answer). */
function sealedSalts(ceremonyId: string): Record<string, string> {
  const db = new Database(path.join(t.dataDir, 'podium.db'), { readonly: true });
  try {
    const row = db.prepare<[string], { body: string }>('SELECT body FROM seals WHERE ceremony_id = ? ORDER BY seal_no DESC LIMIT 1').get(ceremonyId);
    return row ? (JSON.parse(row.body) as { salts: Record<string, string> }).salts : {};
  } finally {
    db.close();
  }
}

describe('secrecy through the real server', () => {
  it('[S3][S31] over random ceremonies and command sequences, no socket frame, anonymous REST answer or log line holds a name or a seal salt before its reveal', async () => {
    let n = 0;
    let sealedRuns = 0;
    await fc.assert(
      fc.asyncProperty(ceremonyArb, actionsArb, async (generated, actions) => {
        const def = { ...generated, id: `random-${++n}` };
        const put = await fetch(`${t.url}/api/ceremonies/${def.id}`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(def) });
        expect(put.status).toBe(201);
        const screen = new TestScreen(t.url, def.id);
        try {
          await vi.waitFor(() => expect(screen.state).not.toBeNull());
          // Sealed first (S31): a salt is as secret as the result it seals, until its reveal.
          const sealed = await fetch(`${t.url}/api/ceremonies/${def.id}/seal`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
          expect([201, 409]).toContain(sealed.status);
          const salts = sealedSalts(def.id);
          if (sealed.status === 201) sealedRuns++;
          const revealed = new Set<string>();
          for (const [i, action] of actions.slice(0, 25).entries()) {
            const state = await getState(t.url, def.id, token);
            const command = toCommand(action, state.cues.map((c: { id: string }) => c.id), state.nextCue?.id, i);
            const res = await fetch(`${t.url}/api/ceremonies/${def.id}/commands`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(command) });
            const body = (await res.json()) as { seq?: number; events?: { type: string; cueId?: string }[] };
            for (const e of body.events ?? []) if (e.type === 'result_revealed') revealed.add(e.cueId!);
            if (body.seq) await vi.waitFor(() => expect(screen.state!.seq).toBeGreaterThanOrEqual(body.seq!));
            const secrets = [...unrevealed(def, revealed), ...Object.entries(salts).filter(([cueId]) => !revealed.has(cueId)).map(([, salt]) => salt)];
            const anonymous = JSON.stringify([await getState(t.url, def.id), await (await fetch(`${t.url}/api/ceremonies/${def.id}/seal`)).json()]);
            for (const secret of secrets) {
              expect(anonymous).not.toContain(secret);
              for (const frame of screen.frames) expect(frame).not.toContain(secret);
            }
          }
          // The same search does find a name once it is revealed: the check can fail.
          const all = screen.frames.join('\n');
          for (const name of unrevealed(def, new Set()).filter((s) => !unrevealed(def, revealed).includes(s))) expect(all).toContain(name);
          for (const cueId of revealed) if (salts[cueId]) expect(all).toContain(salts[cueId]);
          for (const line of t.logs) for (const salt of Object.values(salts)) expect(line).not.toContain(salt);
        } finally {
          screen.close();
        }
      }),
      { seed: 1399, numRuns: 15 },
    );
    expect(sealedRuns).toBeGreaterThan(0);
  });
});
