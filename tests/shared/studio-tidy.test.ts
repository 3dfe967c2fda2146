import { describe, expect, it } from 'vitest';
import { tidyDefinition, validateDraft } from '../../shared/studio';
import { parseCeremony } from '../../shared/validation';

describe('tidyDefinition: what a form leaves behind', () => {
  it('drops a language left blank beside a filled one, and blank optional plain fields', () => {
    expect(tidyDefinition({ venue: { fa: '  ', en: 'Hall' }, startTime: '', videoConference: { url: 'https://x.test', provider: '' } })).toEqual({
      venue: { en: 'Hall' },
      videoConference: { url: 'https://x.test' },
    });
  });

  it('keeps a text blank in both languages, so the check gives the API its own message', () => {
    const def = { title: { fa: '', en: '' } };
    expect(tidyDefinition(def)).toEqual(def);
    const problems = validateDraft(def).ok ? [] : (validateDraft(def) as { problems: { path: string; message: string }[] }).problems;
    const api = parseCeremony(def);
    expect(api.ok).toBe(false);
    expect(problems.filter((p) => p.path.startsWith('title'))).toEqual((api as { problems: unknown[] }).problems.filter((p) => (p as { path: string }).path.startsWith('title')));
    expect(problems.some((p) => p.path === 'title.fa' && p.message.startsWith('expected a non-empty text'))).toBe(true);
  });

  it('leaves a valid definition as it is', () => {
    const def = { schemaVersion: 1 as const, id: 'x', title: { fa: 'ع', en: 'T' }, date: '2024-01-01', timeZone: 'UTC', runOfShow: [{ kind: "opening" as const, id: "o" }], categories: [] };
    expect(tidyDefinition(def)).toEqual(def);
    expect(validateDraft(def).ok).toBe(true);
  });
});
