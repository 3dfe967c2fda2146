import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mayQuoteResults, persianProblem, problemPlace, problemText, withoutResults } from '../../shared/problem-text';
import { importResultsRows } from '../../shared/csv-import';
import { applySheet } from '../../shared/sheet-import';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { parseCeremony, type Problem } from '../../shared/validation';
import { brokenDefinitions, sampleDefinition } from './broken-definitions';

const noLatinDigits = (text: string) => text.replace(/\u2068[^\u2069]*\u2069/g, '');

function csvProblems(lines: string[]): Problem[] {
  const definition = parseCeremony(sampleDefinition());
  if (!definition.ok) throw new Error('the sample ceremony is valid');
  const table = lines.map((line, i) => ({ line: i + 1, cells: line.split(',') }));
  const result = importResultsRows(definition.value as CeremonyDefinition, table);
  return result.ok ? [] : result.problems;
}

describe('problems in Persian (S32)', () => {
  it('[S32] every problem of every broken definition has its Persian sentence, with no English fallback', () => {
    const missing = new Set<string>();
    let count = 0;
    for (const { name, definition } of brokenDefinitions()) {
      const parsed = parseCeremony(definition);
      expect(parsed.ok, `${name} should be refused`).toBe(false);
      if (parsed.ok) continue;
      for (const problem of parsed.problems) {
        count++;
        if (persianProblem(problem.message) === null) missing.add(`${name}: ${problem.message}`);
      }
    }
    expect([...missing], 'messages without a Persian pattern').toEqual([]);
    expect(count).toBeGreaterThan(100);
  });

  it('[S32] every problem of the invalid fixtures, and a masked draft\'s hidden problem, has its Persian sentence', () => {
    const dir = path.resolve('tests/fixtures/invalid-ceremonies');
    const messages = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => {
        const parsed = parseCeremony(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
        return parsed.ok ? [] : parsed.problems.map((p) => p.message);
      });
    messages.push('hidden: a problem in the results (only a role that may see results sees which)');
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.filter((m) => persianProblem(m) === null)).toEqual([]);
  });

  it('[S32] a problem that may quote a result is shown without what was given', () => {
    expect(mayQuoteResults('categories[0].results[1].recipient.name.fa')).toBe(true);
    expect(mayQuoteResults('categories[0]')).toBe(true);
    expect(mayQuoteResults('categories[0].winners[0]')).toBe(true);
    expect(mayQuoteResults('categories[0].nominees')).toBe(true);
    expect(mayQuoteResults('categories[0].nominees[1].score')).toBe(true);
    expect(mayQuoteResults('categories[0].nominees[1].recipient.name')).toBe(false);
    expect(mayQuoteResults('categories[0].title.fa')).toBe(false);
    expect(mayQuoteResults('runOfShow[2].categoryId')).toBe(false);
    expect(withoutResults({ path: 'categories[0].results[0].recipient.name.fa', message: 'expected a text of at most 500 characters, got "Secret Name"' }).message).toBe('expected a text of at most 500 characters');
    expect(withoutResults({ path: 'title.fa', message: 'expected a non-empty text, got ""' }).message).toBe('expected a non-empty text, got ""');
  });

  it('[S32] every problem of a spreadsheet of results has its Persian sentence', () => {
    const header = 'category,place,mention,nominee,winner,type,name_fa,name_en,entry_fa,entry_en,score';
    const problems = [
      ...csvProblems(['place,name_fa', '1,x']),
      ...csvProblems([`${header},colour`, 'best-app,1,,,,,الف,,,,,red']),
      ...csvProblems([header]),
      ...csvProblems([header, 'nowhere,1,,,,,الف,,,,', 'best-app,0,,,,,الف,,,,', 'best-app,1,,,,company,الف,,,,', 'best-app,2,,,,,,,,,', 'best-app,3,,,,,الف,,,,high', 'open-data,,,Bad Id,yes,,الف,,,,']),
    ];
    expect(problems.length).toBeGreaterThanOrEqual(8);
    const missing = problems.filter((p) => persianProblem(p.message) === null).map((p) => p.message);
    expect(missing).toEqual([]);
  });

  it('[S32] every problem of a spreadsheet of whole categories has its Persian sentence', () => {
    const header = ['category', 'kind', 'title_fa', 'title_en', 'place', 'nominee', 'winner', 'type', 'name_fa', 'name_en'];
    const table = { name: 'categories', rows: [header, ['Bad Id!', 'ranked', 'الف', '', '1', '', '', '', 'ب', ''], ['c1', 'podium', '', '', '1', '', '', '', 'ب', ''], ['c2', 'ranked', 'الف', '', '1', '', '', '', 'ب', ''], ['c2', 'nominees', 'الف', '', '2', '', '', '', 'پ', '']] };
    const { problems } = applySheet({ schemaVersion: 1, id: 'x', title: { en: 'X' }, date: '2024-01-01', timeZone: 'UTC', runOfShow: [{ kind: 'opening', id: 'o' }], categories: [] }, table, 'categories');
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(problems.filter((p) => persianProblem(p.message) === null).map((p) => p.message)).toEqual([]);
  });

  it('[S32] the values stay in the sentence, numbers in Persian digits; English stays as the server says it', () => {
    const long = problemText({ path: 'title.fa', message: 'expected a text of at most 500 characters, got "xxx"' }, 'fa');
    expect(long).toContain('۵۰۰');
    expect(long).toContain('xxx');
    expect(noLatinDigits(long)).not.toMatch(/[0-9]/);
    const place = problemText({ path: 'categories[0].results[0].place', message: "expected a place from 1 to 2 (the category's placeCount or the length of its revealOrder), got 3" }, 'fa');
    expect(place).toContain('۱ تا ۲');
    expect(place).toContain('۳');
    expect(problemText({ path: 'categories[1].id', message: 'duplicate category id "best-app"' }, 'fa')).toContain('best-app');
    expect(problemText({ path: 'id', message: 'Invalid input: expected string, received undefined, got nothing' }, 'fa')).toBe('متن لازم است و خالی مانده است');
    expect(problemText({ path: 'x', message: 'expected a number, got "high"' }, 'en')).toBe('expected a number, got "high"');
  });

  it('[S32] a message with no pattern is shown in English inside a Persian sentence that says so', () => {
    expect(persianProblem('something new went wrong')).toBeNull();
    expect(problemText({ path: 'x', message: 'something new went wrong' }, 'fa')).toContain('something new went wrong');
  });

  it('[S32] a spreadsheet place is said in Persian: line and column', () => {
    expect(problemPlace('line 4, column score', 'fa')).toBe('سطر ۴، ستون \u2068score\u2069');
    expect(problemPlace('line 2', 'fa')).toBe('سطر ۲');
    expect(problemPlace('line 4, column score', 'en')).toBe('line 4, column score');
  });
});
