import { describe, expect, it } from 'vitest';
import { DuplicateCommandError, SeqConflictError, type EventLog, type NewEvent } from '../../server/storage/event-log';

const event = (n: number, commandId = `c${n}`): NewEvent => ({ type: 'cue_started', cueId: `cue-${n}`, at: 1000 + n, commandId, actor: 'operator' });

/** The storage contract: every EventLog implementation passes this same suite. */
/** `reopen` closes the log and opens the same store again, as a restart of the server does. */
export function eventLogContract(name: string, open: () => Promise<{ log: EventLog; reopen: () => Promise<EventLog>; dispose: () => Promise<void> }>) {
  describe(`EventLog contract: ${name}`, () => {
    it('[S4] numbers events contiguously from 1 per stream, and reads them back in order', async () => {
      const { log, dispose } = await open();
      try {
        expect(await log.lastSeq('s')).toBe(0);
        const first = await log.append('s', 0, [event(1), event(2)]);
        expect(first.map((e) => e.seq)).toEqual([1, 2]);
        await log.append('s', 2, [event(3)]);
        await log.append('other', 0, [event(9)]);
        expect((await log.read('s')).map((e) => [e.seq, e.type === 'cue_started' && e.cueId])).toEqual([
          [1, 'cue-1'],
          [2, 'cue-2'],
          [3, 'cue-3'],
        ]);
        expect((await log.read('s', 2)).map((e) => e.seq)).toEqual([3]);
        expect(await log.lastSeq('s')).toBe(3);
        expect(await log.lastSeq('other')).toBe(1);
      } finally {
        await dispose();
      }
    });

    it('refuses an append whose expected seq is stale, and appends nothing of it', async () => {
      const { log, dispose } = await open();
      try {
        await log.append('s', 0, [event(1)]);
        await expect(log.append('s', 0, [event(2), event(3)])).rejects.toBeInstanceOf(SeqConflictError);
        await expect(log.append('s', 5, [event(2)])).rejects.toBeInstanceOf(SeqConflictError);
        expect((await log.read('s')).map((e) => e.seq)).toEqual([1]);
      } finally {
        await dispose();
      }
    });

    it('of two racing appends with the same expected seq, exactly one wins', async () => {
      const { log, dispose } = await open();
      try {
        const results = await Promise.allSettled([log.append('s', 0, [event(1, 'a')]), log.append('s', 0, [event(1, 'b')])]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof SeqConflictError)).toHaveLength(1);
        expect(await log.read('s')).toHaveLength(1);
      } finally {
        await dispose();
      }
    });

    it('keeps every field of an event as it was appended', async () => {
      const { log, dispose } = await open();
      try {
        const revealed: NewEvent = {
          type: 'result_revealed',
          cueId: 'g2g/place-3',
          categoryId: 'g2g',
          slot: { kind: 'place', place: 3 },
          entries: [{ recipient: { type: 'organization', name: { fa: 'مرکز توسعه تجارت الکترونیکی', en: 'E-Commerce Development Center' } }, score: 88.5 }],
          at: 1614069000000,
          commandId: 'x',
          actor: 'operator',
        };
        await log.append('s', 0, [revealed]);
        expect(await log.read('s')).toEqual([{ ...revealed, seq: 1 }]);
      } finally {
        await dispose();
      }
    });

    it('[S4] a reader polling during concurrent appends never sees a gap (no late commit is skipped)', async () => {
      const { log, dispose } = await open();
      try {
        const total = 40;
        let done = false;
        // Several writers race for the next seq, as several server processes would.
        const writer = async (name: string) => {
          for (;;) {
            const last = await log.lastSeq('s');
            if (last >= total) return;
            try {
              await log.append('s', last, [event(last + 1, `${name}-${last + 1}`)]);
            } catch (error) {
              if (!(error instanceof SeqConflictError)) throw error;
            }
          }
        };
        const seen: number[] = [];
        const poll = async () => {
          for (const e of await log.read('s', seen.at(-1) ?? 0)) seen.push(e.seq);
        };
        const reader = async () => {
          while (!done) await poll();
          await poll();
        };
        const reading = reader();
        await Promise.all(['w1', 'w2', 'w3', 'w4'].map(writer));
        done = true;
        await reading;
        expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      } finally {
        await dispose();
      }
    });

    it('[S2] refuses, whole, an append that repeats a command id of the stream (another process, a restart)', async () => {
      const { log, dispose } = await open();
      try {
        await log.append('s', 0, [event(1, 'press-1'), event(2, 'press-1')]);
        await expect(log.append('s', 2, [event(3, 'press-2'), event(4, 'press-1')])).rejects.toBeInstanceOf(DuplicateCommandError);
        expect((await log.read('s')).map((e) => e.seq)).toEqual([1, 2]);
        // The same id in another stream is another command.
        await log.append('other', 0, [event(1, 'press-1')]);
        await log.append('s', 2, [event(3, 'press-2')]);
        expect(await log.lastSeq('s')).toBe(3);
      } finally {
        await dispose();
      }
    });

    it('[S6] keeps committed events when reopened', async () => {
      const { log, reopen, dispose } = await open();
      try {
        await log.append('s', 0, [event(1), event(2)]);
        const again = await reopen();
        expect((await again.read('s')).map((e) => e.seq)).toEqual([1, 2]);
        expect(await again.lastSeq('s')).toBe(2);
      } finally {
        await dispose();
      }
    });

    it('refuses to be used once closed: after a restart, nothing is written through the old connection', async () => {
      const { log, reopen, dispose } = await open();
      try {
        await log.append('s', 0, [event(1)]);
        const again = await reopen();
        await expect(log.append('s', 1, [event(2)])).rejects.toThrow();
        await expect(log.read('s')).rejects.toThrow();
        expect((await again.read('s')).map((e) => e.seq)).toEqual([1]);
      } finally {
        await dispose();
      }
    });
  });
}
