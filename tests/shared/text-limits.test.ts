import { describe, expect, it } from 'vitest';
import { Limits } from '../../shared/ceremony';
import { CommandSchema } from '../../shared/commands';
import { parseCeremony } from '../../shared/validation';
import { seedCeremony } from '../helpers/ceremony-harness';

const long = (n: number) => 'x'.repeat(n);

describe('text and size limits', () => {
  it('[S22] given an announcement, hold message, reason or channel name past its limit, when parsed, then it is refused', () => {
    const refused = [
      { type: 'announce', text: { en: long(Limits.messageText + 1) } },
      { type: 'announce', text: { fa: long(900_000) } },
      { type: 'hold', message: { fa: long(Limits.messageText + 1) } },
      { type: 'retract', confirm: true, reason: { en: long(Limits.messageText + 1) } },
      { type: 'set_channel', channelId: 'stream', delayMs: 0, name: { en: long(Limits.channelName + 1) } },
    ];
    for (const command of refused) {
      const parsed = CommandSchema.safeParse(command);
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0]!.message).toMatch(/at most \d+ characters/);
    }
    // At the limit, it is fine.
    expect(CommandSchema.safeParse({ type: 'announce', text: { en: long(Limits.messageText), fa: long(Limits.messageText) } }).success).toBe(true);
    expect(CommandSchema.safeParse({ type: 'set_channel', channelId: 'stream', delayMs: 0, name: { en: long(Limits.channelName) } }).success).toBe(true);
  });

  it('[S22] given a definition with a text or a list past its limit, when parsed, then every such problem is named by its path', () => {
    const def = structuredClone(seedCeremony()) as any;
    def.title.en = long(Limits.definitionText + 1);
    def.categories[0].results[0].recipient.name.fa = long(Limits.definitionText + 1);
    def.runOfShow = Array.from({ length: Limits.runOfShow + 1 }, (_, i) => ({ kind: 'interlude', id: `i-${i}` }));
    const parsed = parseCeremony(def);
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'title.en', message: expect.stringContaining(`at most ${Limits.definitionText} characters`) },
        { path: 'categories[0].results[0].recipient.name.fa', message: expect.stringContaining(`at most ${Limits.definitionText} characters`) },
        { path: 'runOfShow', message: expect.stringContaining(`at most ${Limits.runOfShow} segments`) },
      ]),
    );
  });

  it('[S22] given too many categories or nominees, when parsed, then it is refused', () => {
    const def = structuredClone(seedCeremony()) as any;
    def.categories = Array.from({ length: Limits.categories + 1 }, () => def.categories[0]);
    expect(parseCeremony(def).ok).toBe(false);
    const nominees = structuredClone(seedCeremony()) as any;
    const many = Array.from({ length: Limits.perCategory + 1 }, (_, i) => ({ id: `n-${i}`, recipient: { type: 'person', name: { en: `N ${i}` } } }));
    nominees.categories[0] = { id: nominees.categories[0].id, kind: 'nominees', title: { en: 'T' }, nominees: many, winners: ['n-0'] };
    const parsed = parseCeremony(nominees);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toEqual(expect.arrayContaining([{ path: 'categories[0].nominees', message: expect.stringContaining(`at most ${Limits.perCategory} nominees`) }]));
  });
});
