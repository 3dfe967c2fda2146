import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryPeopleStore, type Invitation, type PeopleStore, type Person } from '../../server/storage/people-store';
import { PostgresStorage } from '../../server/storage/postgres-storage';
import { PostgresPeopleStore } from '../../server/storage/postgres-people-store';
import { SqlitePeopleStore } from '../../server/storage/sqlite-people-store';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import { freshSchema } from '../helpers/scale-out-harness';

const HOUR = 3600_000;
const person = (id: string, name: string, role: Person['role'] = 'operator'): Person => ({ id, name, role, secretHash: `hash-of-${id}`, createdAt: 1000, createdBy: null, disabledAt: null });
const invitation = (id: string, tokenHash: string, expiresAt = 100 * HOUR): Invitation => ({
  id,
  tokenHash,
  role: 'results_officer',
  name: null,
  createdBy: 'p1',
  createdAt: 1000,
  expiresAt,
  usedAt: null,
  usedBy: null,
});

/**
 * One contract for every PeopleStore. `open` gives a store; called again, a second store on the
 * same data (another process, or the same after a restart).
 */
function peopleStoreContract(name: string, setUp: () => Promise<{ open: () => Promise<PeopleStore>; dispose: () => Promise<void> }>) {
  describe(`[S29] PeopleStore: ${name}`, () => {
    it('[S29] people: unique names after NFC and case-folding (and the Arabic yeh and kaf), a change, the last producer kept', async () => {
      const { open, dispose } = await setUp();
      try {
        const store = await open();
        expect(await store.countPeople()).toBe(0);
        expect(await store.addPerson(person('p1', 'Sara', 'producer'))).toBe(true);
        expect(await store.addPerson(person('p2', 'SARA'))).toBe(false);
        expect(await store.addPerson(person('p1', 'Other'))).toBe(false);
        // «علي» typed on an Arabic keyboard is «علی».
        expect(await store.addPerson(person('p3', 'علی'))).toBe(true);
        expect(await store.addPerson(person('p4', 'علي'))).toBe(false);
        // "é" composed and decomposed are one name.
        expect(await store.addPerson(person('p5', 'Ren\u00e9'))).toBe(true);
        expect(await store.addPerson(person('p6', 'rene\u0301'))).toBe(false);
        expect((await store.personByName('sara'))?.id).toBe('p1');
        expect((await store.people()).map((p) => p.id)).toEqual(['p1', 'p3', 'p5']);
        expect(await store.countPeople()).toBe(3);

        expect(await store.changePerson('p1', { role: 'operator' })).toEqual({ ok: false, reason: 'last_producer' });
        expect(await store.changePerson('p1', { disabledAt: 5 })).toEqual({ ok: false, reason: 'last_producer' });
        expect(await store.changePerson('nobody', { role: 'operator' })).toEqual({ ok: false, reason: 'unknown' });
        const promoted = await store.changePerson('p3', { role: 'producer' });
        expect(promoted.ok && promoted.after.role).toBe('producer');
        const disabled = await store.changePerson('p1', { disabledAt: 5 });
        expect(disabled.ok && disabled.after.disabledAt).toBe(5);
        expect(await store.changePerson('p3', { role: 'stage_manager' })).toEqual({ ok: false, reason: 'last_producer' });

        expect(await store.setSecretHash('p5', 'new', 'wrong-expected')).toBe(false);
        expect(await store.setSecretHash('p5', 'new', 'hash-of-p5')).toBe(true);
        const again = await open();
        expect((await again.person('p5'))?.secretHash).toBe('new');
        expect((await again.person('p1'))?.disabledAt).toBe(5);
      } finally {
        await dispose();
      }
    });

    it('[S29] an invitation is used once (of two parallel accepts, one wins), not after it expires, and not when the name is taken', async () => {
      const { open, dispose } = await setUp();
      try {
        const store = await open();
        const other = await open();
        await store.addPerson(person('p1', 'Sara', 'producer'));
        await store.addInvitation(invitation('i1', 'h1'));
        await store.addInvitation(invitation('i2', 'h2', 2 * HOUR));
        expect((await store.openInvitations(HOUR)).map((i) => i.id)).toEqual(['i1', 'i2']);
        expect((await store.openInvitation('h2', 3 * HOUR))).toBeNull();

        // The name is taken: nothing changes, the invitation stays open.
        expect(await store.acceptInvitation('h1', { ...person('p2', 'sara') }, HOUR)).toEqual({ ok: false, reason: 'name_taken' });
        expect(await store.openInvitation('h1', HOUR)).not.toBeNull();

        const [a, b] = await Promise.all([store.acceptInvitation('h1', person('p2', 'Reza'), HOUR), other.acceptInvitation('h1', person('p3', 'Maryam'), HOUR)]);
        expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
        const winner = a.ok ? a : b;
        expect(winner.ok && winner.person.role).toBe('results_officer');
        expect([a, b].find((x) => !x.ok)).toEqual({ ok: false, reason: 'invitation_invalid' });
        expect(await store.countPeople()).toBe(2);
        expect(await store.openInvitation('h1', HOUR)).toBeNull();

        // Expired.
        expect(await store.acceptInvitation('h2', person('p4', 'Late'), 3 * HOUR)).toEqual({ ok: false, reason: 'invitation_invalid' });
        expect(await store.acceptInvitation('unknown', person('p4', 'Late'), HOUR)).toEqual({ ok: false, reason: 'invitation_invalid' });
        expect(await store.deleteInvitation('i2')).toBe(true);
        expect(await store.deleteInvitation('i2')).toBe(false);
        expect(await store.openInvitations(HOUR)).toEqual([]);
      } finally {
        await dispose();
      }
    });

    it('[S29] API tokens and sign-ins: listed while live, revoked and ended once, all of a person at once', async () => {
      const { open, dispose } = await setUp();
      try {
        const store = await open();
        const token = (id: string, by: string) => ({ id, name: `deck ${id}`, role: 'operator' as const, ceremonyId: 'c1', createdBy: { personId: by, name: by }, createdAt: 1000, expiresAt: 10 * HOUR, revokedAt: null });
        await store.addToken(token('t1', 'p1'));
        await store.addToken(token('t2', 'p2'));
        await store.addToken(token('t3', 'p2'));
        expect((await store.tokens(HOUR)).map((t) => t.id)).toEqual(['t1', 't2', 't3']);
        expect((await store.revokeToken('t1', HOUR))?.revokedAt).toBe(HOUR);
        expect(await store.revokeToken('t1', HOUR)).toBeNull();
        expect((await store.revokeTokensBy('p2', HOUR)).map((t) => t.id).sort()).toEqual(['t2', 't3']);
        expect(await store.tokens(HOUR)).toEqual([]);

        const session = (sessionId: string, personId: string, startedAt: number) => ({ sessionId, personId, name: personId, role: 'operator' as const, device: 'Chrome on Android', startedAt, expiresAt: startedAt + 24 * HOUR, endedAt: null });
        await store.addSession(session('s1', 'p1', 1000));
        await store.addSession(session('s2', 'p2', 2000));
        await store.addSession(session('s3', 'p2', 3000));
        expect((await store.sessions(HOUR)).map((s) => [s.sessionId, s.device])).toEqual([
          ['s1', 'Chrome on Android'],
          ['s2', 'Chrome on Android'],
          ['s3', 'Chrome on Android'],
        ]);
        expect((await store.endSession('s1', HOUR))?.sessionId).toBe('s1');
        expect(await store.endSession('s1', HOUR)).toBeNull();
        expect((await store.endSessionsOf('p2', HOUR)).map((s) => s.sessionId).sort()).toEqual(['s2', 's3']);
        expect(await store.sessions(HOUR)).toEqual([]);
        // Expired sign-ins are not listed.
        await store.addSession(session('s4', 'p1', 4000));
        expect(await store.sessions(4000 + 25 * HOUR)).toEqual([]);
        expect((await (await open()).sessions(HOUR)).map((s) => s.sessionId)).toEqual(['s4']);
      } finally {
        await dispose();
      }
    });
  });
}

peopleStoreContract('in memory', async () => {
  const store = new MemoryPeopleStore();
  return { open: async () => store, dispose: async () => {} };
});

peopleStoreContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-people-'));
  const opened: SqliteStorage[] = [];
  return {
    // Each a connection of its own to the file, as another process would have.
    open: async () => {
      opened.push(new SqliteStorage(path.join(dir, 'podium.db')));
      return new SqlitePeopleStore(opened.at(-1)!.db);
    },
    dispose: async () => {
      for (const s of opened) s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

peopleStoreContract('PostgreSQL', async () => {
  const { url, drop } = await freshSchema();
  const opened: PostgresStorage[] = [];
  return {
    open: async () => {
      opened.push(await PostgresStorage.connect(url));
      return PostgresPeopleStore.start(opened.at(-1)!.pool);
    },
    dispose: async () => {
      for (const s of opened) await s.close().catch(() => undefined);
      await drop();
    },
  };
});
