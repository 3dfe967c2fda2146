import { describe, expect, it } from 'vitest';
import { decideAttendanceChange } from '../../shared/attendance-change';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { buildCues, toPublicCeremony } from '../../shared/cues';
import { toPublicEvent, type CeremonyEvent } from '../../shared/events';
import { projectPublic, sealEvent } from '../../shared/projection';
import { nextCue } from '../../shared/state';
import { Harness, sampleCeremony } from '../helpers/ceremony-harness';

// Given / when / then for S34 with S16: who is not there is part of the result, public only with its reveal.

const PROXY = { fa: 'نمایندهٔ خیالی', en: 'Imaginary Proxy' };

/** The sample with every kind of attendance, on places, a tie, mentions and nominees winners. */
function withAttendance(): CeremonyDefinition {
  const def = sampleCeremony();
  for (const category of def.categories) {
    if (category.kind === 'ranked') {
      category.results[0]!.attendance = { status: 'on_behalf', acceptedBy: PROXY };
      if (category.results[2]) category.results[2].attendance = { status: 'absent' };
    } else {
      category.nominees.find((n) => category.winners.includes(n.id))!.attendance = { status: 'remote' };
    }
    if (category.mentions?.[0]) category.mentions[0].attendance = { status: 'absent' };
  }
  return def;
}

/** A value without its attendance anywhere: what is public of it before the reveal. */
const withoutAttendance = (value: unknown): string => JSON.stringify(value, (key, v: unknown) => (key === 'attendance' ? undefined : v));

describe('[S34] attendance is not public before its reveal', () => {
  it('[S16][S34] given two definitions that differ only in attendance, the public ceremony and cues are byte-identical', () => {
    const plain = sampleCeremony();
    const marked = withAttendance();
    expect(JSON.stringify(marked)).not.toBe(JSON.stringify(plain));
    expect(JSON.stringify(toPublicCeremony(marked))).toBe(JSON.stringify(toPublicCeremony(plain)));
    expect(JSON.stringify(buildCues(marked))).toBe(JSON.stringify(buildCues(plain)));
  });

  it('[S3][S34] through a whole run, every public state and event is the same as without attendance, but for the attendance of what has been revealed', () => {
    const plain = new Harness(sampleCeremony());
    const marked = new Harness(withAttendance());
    let revealedWithAttendance = 0;
    while (nextCue(marked.state)) {
      const cue = nextCue(marked.state)!;
      const a = plain.go();
      const b = marked.go();
      if (!a.ok || !b.ok) throw new Error(`GO at ${cue.id} was refused`);
      const publicA = plain.log.slice(-a.events.length).map(toPublicEvent);
      const publicB = marked.log.slice(-b.events.length).map(toPublicEvent);
      // The only difference anywhere: the attendance of the entries just revealed, and then of those revealed.
      expect(withoutAttendance(publicB)).toBe(withoutAttendance(publicA));
      expect(withoutAttendance(projectPublic(marked.state))).toBe(withoutAttendance(projectPublic(plain.state)));
      for (const event of publicB) {
        if (event.type !== 'result_revealed') expect(JSON.stringify(event)).not.toMatch(/attendance/);
        else if (event.entries.some((e) => e.attendance)) revealedWithAttendance++;
      }
      // Who accepts is in the public state only once their reveal is: never for a cue still to come.
      const stillToCome = marked.state.cues.slice(marked.state.nextIndex).map((c) => c.id);
      const shown = JSON.stringify(projectPublic(marked.state).results);
      for (const upcoming of stillToCome) expect(shown).not.toContain(`"cueId":"${upcoming}"`);
    }
    expect(revealedWithAttendance).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(projectPublic(marked.state))).toContain(PROXY.en);
  });

  it('[S34] a live attendance change: a version whose public event is the version alone; a console without results loses which reveal', () => {
    const h = new Harness(sampleCeremony());
    const change = decideAttendanceChange(h.state, h.definition, { cueId: 'best-app/place-1', recipientIndex: 0, attendance: { status: 'on_behalf', acceptedBy: PROXY } });
    if (!change.ok) throw new Error(change.error.code);
    expect(change.event).toEqual({ type: 'definition_published', attendance: { cueId: 'best-app/place-1' } });
    expect(JSON.stringify(toPublicCeremony(change.definition))).toBe(JSON.stringify(toPublicCeremony(h.definition)));
    expect(JSON.stringify(buildCues(change.definition))).toBe(JSON.stringify(buildCues(h.definition)));
    const event: CeremonyEvent = { ...change.event, version: 2, hash: 'sha256:x', seq: 1, at: 5, showAt: 5, actor: 'operator', commandId: 'c1' };
    expect(toPublicEvent(event)).toEqual({ type: 'definition_published', version: 2, seq: 1, at: 5, showAt: 5 });
    expect(sealEvent(event)).not.toHaveProperty('attendance');
    expect(sealEvent(event)).not.toHaveProperty('hash');
  });
});
