import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ceremonyJsonSchema } from '../../shared/json-schema';
import { parseCeremony } from '../../shared/validation';
import { importResultsCsv } from '../../server/csv/results-import';
import { sampleCeremony, seedCeremony } from '../helpers/ceremony-harness';
import egov from '../../ceremonies/egov-award-1399.json';

const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('ceremony definitions', () => {
  it('the shipped ceremonies are valid, and the seed is faithful to the seed document', () => {
    const seed = seedCeremony();
    expect(seed.id).toBe('egov-award-1399');
    expect(seed.date).toBe('2021-02-23');
    const g2g = seed.categories[0]!;
    expect(g2g.kind === 'ranked' && g2g.results.map((r) => [r.place, r.recipient.name.fa])).toEqual([
      [1, 'دفتر هیئت دولت جمهوری اسلامی'],
      [2, 'وزارت بهداشت، درمان و آموزش پزشکی'],
      [3, 'مرکز توسعه تجارت الکترونیکی'],
      [4, 'سازمان اداری و استخدامی کشور'],
    ]);
    expect(g2g.prize?.fa).toBe('گواهی اهتمام به تعالی در آمادگی دولت الکترونیک');
    expect(sampleCeremony().categories.length).toBeGreaterThanOrEqual(4);
  });

  it('docs/ceremony.schema.json is the schema the code enforces (run `npx tsx scripts/write-schema.ts` after a change)', () => {
    const published = JSON.parse(fs.readFileSync(new URL('../../docs/ceremony.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(ceremonyJsonSchema())));
  });

  it('[S9] lists every problem with its path, what was expected and what was found', () => {
    const bad = structuredClone(egov) as Record<string, any>;
    bad.categories[0].results[2].place = '3rd';
    bad.date = '5 Esfand 1399';
    bad.title = {};
    bad.extra = true;
    const parsed = parseCeremony(bad);
    expect(parsed.ok).toBe(false);
    const lines = !parsed.ok ? parsed.problems.map((p) => `${p.path}: ${p.message}`) : [];
    expect(lines).toContain('categories[0].results[2].place: expected a whole number ≥ 1, got "3rd"');
    expect(lines).toContain('date: expected a date as YYYY-MM-DD, got "5 Esfand 1399"');
    expect(lines.some((l) => l.startsWith('title: expected a text with "fa" or "en"'))).toBe(true);
    expect(lines).toContain('(root): unknown field(s) "extra"');
  });

  it('[S9] refuses broken references: unknown category in the run of show, winner not a nominee, bad reveal order, time zone', () => {
    const def = structuredClone(sampleCeremony()) as Record<string, any>;
    def.runOfShow.push({ kind: 'category', categoryId: 'ghost' });
    def.categories[1].winners = ['n99'];
    def.categories[0].revealOrder = [3, 1];
    def.timeZone = 'Mars/Olympus';
    const parsed = parseCeremony(def);
    const lines = !parsed.ok ? parsed.problems.map((p) => `${p.path}: ${p.message}`) : [];
    expect(lines).toEqual([
      'timeZone: expected an IANA time zone such as "Asia/Tehran", got "Mars/Olympus"',
      'runOfShow[8].categoryId: expected the id of a category in "categories", got "ghost"',
      'categories[0].revealOrder: expected each place from 1 to 3 once, got [3,1]',
      'categories[1].winners[0]: expected the id of a nominee of this category, got "n99"',
    ]);
  });
});

describe('CSV import of results', () => {
  it('reads quoted fields, ties and mentions into the category', () => {
    const imported = importResultsCsv(sampleCeremony(), fixture('results-valid.csv'));
    expect(imported.ok).toBe(true);
    const cat = imported.ok ? imported.value.categories.find((c) => c.id === 'best-app')! : null;
    expect(cat?.kind === 'ranked' && cat.results.map((r) => [r.place, r.recipient.name.en, r.score])).toEqual([
      [1, 'New Imaginary Co.', 97],
      [2, 'Second Imaginary Group, Ltd.', 90],
      [2, 'Imaginary Person', 90],
    ]);
    expect(cat?.kind === 'ranked' && cat.results[0]!.recipient.entry).toEqual({ fa: 'اپ "نو"', en: 'The "New" app' });
    expect(cat?.mentions?.map((m) => m.recipient.name.en)).toEqual(['Imaginary Mention']);
  });

  it('[S9] lists every bad line and column, and changes nothing', () => {
    const before = sampleCeremony();
    const snapshot = structuredClone(before);
    const imported = importResultsCsv(before, fixture('results-invalid.csv'));
    expect(imported.ok).toBe(false);
    expect(!imported.ok && imported.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'line 4, column category: expected the id of a category of "sample-awards" (best-app, open-data, young-designer, accessibility), got "nope"',
      'line 2, column place: expected a whole number ≥ 1, got "3rd"',
      'line 3, column type: expected "organization" or "person", got "robot"',
      'line 5: expected a name in name_fa or name_en (or both), got none',
      'line 6, column score: expected a number, got "lots"',
    ]);
    expect(before).toEqual(snapshot);
  });

  it('refuses an unknown column', () => {
    const imported = importResultsCsv(sampleCeremony(), 'category,rank\nbest-app,1\n');
    expect(!imported.ok && imported.problems[0]).toEqual({ path: 'line 1, column 2', message: 'unknown column "rank"; the columns are category, place, mention, nominee, winner, type, name_fa, name_en, entry_fa, entry_en, score' });
  });
});
