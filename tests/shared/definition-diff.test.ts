import { describe, expect, it } from 'vitest';
import type { CeremonyDefinition, RankedCategory, NomineesCategory } from '../../shared/ceremony';
import { definitionDiff, type DefinitionDiffLine } from '../../shared/definition-diff';
import type { DraftDefinition } from '../../shared/studio';
import { sampleCeremony } from '../helpers/ceremony-harness';

/** Every recipient name and entry of a definition (results, mentions, nominees): none may be in a diff. */
function recipientTexts(def: CeremonyDefinition): string[] {
  return def.categories
    .flatMap((c) => [...(c.kind === 'ranked' ? c.results.map((r) => r.recipient) : c.nominees.map((n) => n.recipient)), ...(c.mentions ?? []).map((m) => m.recipient)])
    .flatMap((r) => [r.name.fa, r.name.en, r.entry?.fa, r.entry?.en])
    .filter((s): s is string => !!s);
}

const plain = (lines: DefinitionDiffLine[]) => lines.map((l) => ({ change: l.change, fa: l.text.fa!.replace(/[\u2068\u2069]/g, ''), en: l.text.en!.replace(/[\u2068\u2069]/g, '') }));
const draftOf = (def: CeremonyDefinition) => structuredClone(def) as DraftDefinition;
const ranked = (def: CeremonyDefinition, id: string) => def.categories.find((c) => c.id === id) as RankedCategory;
const nominees = (def: CeremonyDefinition, id: string) => def.categories.find((c) => c.id === id) as NomineesCategory;

describe('[S32] definitionDiff', () => {
  it('[S32] the same definition: no line; never published: one line saying so', () => {
    const def = sampleCeremony();
    expect(definitionDiff(def, draftOf(def))).toEqual([]);
    const lines = definitionDiff(null, draftOf(def));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ change: 'added' });
    expect(lines[0]!.text.en).toContain('never published');
    expect(lines[0]!.text.fa).toContain('۴');
  });

  it('[S32] public details: named old → new, per language, Persian in Persian', () => {
    const before = sampleCeremony();
    const after = draftOf(before);
    after.title = { ...before.title, en: 'The Renamed Awards' };
    after.date = '2026-12-20';
    after.venue = { fa: 'تالار تازه' };
    const lines = plain(definitionDiff(before, after));
    expect(lines).toContainEqual({ change: 'changed', fa: 'عنوان (انگلیسی): «Imaginary City Sample Awards (fictional demo)» ← «The Renamed Awards»', en: 'Title (English): “Imaginary City Sample Awards (fictional demo)” → “The Renamed Awards”' });
    expect(lines).toContainEqual({ change: 'changed', fa: 'تاریخ: «۲۰۲۶-۱۲-۱۸» ← «۲۰۲۶-۱۲-۲۰»', en: 'Date: “2026-12-18” → “2026-12-20”' });
    expect(lines).toContainEqual({ change: 'changed', fa: 'محل برگزاری (فارسی): «تالار خیالی شماره ۱» ← «تالار تازه»', en: 'Venue (Persian): “تالار خیالی شماره ۱” → “تالار تازه”' });
    expect(lines).toContainEqual({ change: 'changed', fa: 'محل برگزاری (انگلیسی): «Imaginary Hall No. 1» ← (هیچ)', en: 'Venue (English): “Imaginary Hall No. 1” → (none)' });
    expect(lines).toHaveLength(4);
  });

  it('[S32] segments: added, removed, moved (only the one that moved) and edited', () => {
    const before = sampleCeremony();
    const after = draftOf(before);
    const run = [...after.runOfShow!];
    const music = run.splice(4, 1)[0]!; // the interlude, moved to the front
    after.runOfShow = [music, ...run.filter((s) => s.kind !== 'closing'), { kind: 'speech', id: 'thanks', speaker: { en: 'The Mayor' } }];
    (after.runOfShow[2] as { speaker: unknown }).speaker = { fa: 'مجری نمونه', en: 'Another Host' };
    const lines = plain(definitionDiff(before, after));
    expect(lines).toContainEqual({ change: 'added', fa: 'به برنامه افزوده شد: سخنرانی «The Mayor» (جای ۸)', en: 'Added to the run of show: Speech “The Mayor” (position 8)' });
    expect(lines).toContainEqual({ change: 'removed', fa: 'از برنامه برداشته شد: اختتامیه «closing»', en: 'Removed from the run of show: Closing “closing”' });
    expect(lines.filter((l) => l.change === 'moved')).toEqual([{ change: 'moved', fa: 'میان‌برنامه «اجرای موسیقی» جابه‌جا شد: از جای ۵ به جای ۱', en: 'Interlude “Music” moved: from position 5 to 1' }]);
    expect(lines).toContainEqual({ change: 'changed', fa: 'سخنرانی «مجری نمونه»: سخنران (انگلیسی): «Sample Host» ← «Another Host»', en: 'Speech “Another Host”: speaker (English): “Sample Host” → “Another Host”' });
    expect(lines).toHaveLength(4);
  });

  it('[S32] categories: added, removed, edited by their public fields', () => {
    const before = sampleCeremony();
    const after = draftOf(before);
    const cats = after.categories!;
    cats.splice(cats.findIndex((c) => c.id === 'accessibility'), 1);
    cats.push({ id: 'new-one', kind: 'nominees', title: { en: 'Newcomer' }, nominees: [], winners: [] });
    cats[0] = { ...cats[0]!, title: { ...cats[0]!.title, en: 'Best app of all' }, prize: { en: 'A cup' } };
    const lines = plain(definitionDiff(before, after));
    expect(lines).toContainEqual({ change: 'added', fa: 'بخش افزوده شد: «Newcomer»', en: 'Category added: “Newcomer”' });
    expect(lines.find((l) => l.change === 'removed')?.en).toMatch(/^Category removed: “/);
    expect(lines).toContainEqual({ change: 'changed', fa: 'بخش «بهترین اپلیکیشن عمومی»: عنوان (انگلیسی): «Best public app» ← «Best app of all»', en: 'Category “Best app of all”: title (English): “Best public app” → “Best app of all”' });
    expect(lines.some((l) => l.en.includes('prize (Persian)'))).toBe(true);
    expect(lines.some((l) => l.en.includes('results changed'))).toBe(false);
  });

  it('[S32] a change of results is said per category, never naming a recipient', () => {
    const before = sampleCeremony();
    const after = draftOf(before);
    const best = ranked(after as CeremonyDefinition, 'best-app');
    [best.results[0]!.recipient, best.results[1]!.recipient] = [best.results[1]!.recipient, best.results[0]!.recipient];
    const open = nominees(after as CeremonyDefinition, 'open-data');
    open.winners = [open.nominees.find((n) => !open.winners.includes(n.id))!.id];
    const lines = definitionDiff(before, after);
    expect(plain(lines)).toEqual([
      { change: 'changed', fa: 'بخش «بهترین اپلیکیشن عمومی»: نتایج عوض شد', en: 'Category “Best public app”: results changed' },
      { change: 'changed', fa: expect.stringContaining('نتایج عوض شد'), en: expect.stringMatching(/^Category “.+”: results changed$/) },
    ]);
    const all = JSON.stringify(lines);
    const names = recipientTexts(before);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(all).not.toContain(name);
  });

  it('[S32] a new nominee, mentions, a score: said without a name', () => {
    const before = sampleCeremony();
    const after = draftOf(before);
    const open = nominees(after as CeremonyDefinition, 'open-data');
    open.nominees.push({ id: 'secret-newcomer', recipient: { type: 'person', name: { en: 'Zed Newcomer' } } });
    const best = ranked(after as CeremonyDefinition, 'best-app');
    delete best.mentions;
    best.results[0]!.score = 12;
    const lines = plain(definitionDiff(before, after));
    expect(lines.map((l) => l.en)).toEqual([
      'Category “Best public app”: honourable mentions removed',
      'Category “Best public app”: results changed',
      expect.stringMatching(/: nominees changed \(\d+ → \d+\)$/),
      expect.stringMatching(/: results changed$/),
    ]);
    expect(JSON.stringify(lines)).not.toContain('Zed');
  });

  it('[S32] an invalid draft: what is not where the format puts it is left out, nothing throws', () => {
    const before = sampleCeremony();
    const lines = definitionDiff(before, { id: before.id, title: 'not a text', runOfShow: 'nope', categories: [null, 3, { id: 'best-app' }] } as unknown as DraftDefinition);
    expect(lines.some((l) => l.change === 'removed')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('Alpha');
  });
});
