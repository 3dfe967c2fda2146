import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Broken ceremony definitions: the sample ceremony with one thing wrong at a time, at every level
 * (root, texts, details, organizations, run of show, both kinds of category, recipients). Used to
 * check that every problem the definition checks can give has its Persian sentence.
 */
type Json = Record<string, unknown>;

export function sampleDefinition(): Json {
  return JSON.parse(readFileSync(path.resolve('ceremonies/sample-awards.json'), 'utf8')) as Json;
}

const ranked = (extra: Json = {}): Json => ({
  id: 'ranked-x',
  kind: 'ranked',
  title: { fa: 'رتبه‌ای', en: 'Ranked' },
  results: [{ place: 1, recipient: { type: 'person', name: { fa: 'الف' } } }],
  ...extra,
});
const nominees = (extra: Json = {}): Json => ({
  id: 'nominees-x',
  kind: 'nominees',
  title: { en: 'Nominees' },
  nominees: [
    { id: 'a', recipient: { type: 'person', name: { en: 'A' } } },
    { id: 'b', recipient: { type: 'organization', name: { fa: 'ب' } } },
  ],
  winners: ['a'],
  ...extra,
});
const recipient = (extra: Json): Json => ({ type: 'person', name: { fa: 'نام' }, ...extra });
const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
const long = (n: number) => 'x'.repeat(n);

/** Each change makes one broken definition from the sample (the sample itself is valid). */
const changes: Record<string, (d: Json) => unknown> = {
  'not an object': () => 42,
  null: () => null,
  array: () => [],
  empty: () => ({}),
  'schemaVersion 2': (d) => ({ ...d, schemaVersion: 2 }),
  'schemaVersion text': (d) => ({ ...d, schemaVersion: '1' }),
  'unknown root fields': (d) => ({ ...d, colour: 'red', size: 2 }),
  '$schema too long': (d) => ({ ...d, $schema: long(600) }),
  'bad id': (d) => ({ ...d, id: 'Bad Id' }),
  'id number': (d) => ({ ...d, id: 5 }),
  'no title': (d) => ({ ...d, title: undefined }),
  'empty title': (d) => ({ ...d, title: {} }),
  'blank title': (d) => ({ ...d, title: { fa: '  ' } }),
  'long title': (d) => ({ ...d, title: { fa: long(501) } }),
  'title other language': (d) => ({ ...d, title: { fa: 'x', de: 'y' } }),
  'title string': (d) => ({ ...d, title: 'Awards' }),
  'title number inside': (d) => ({ ...d, title: { fa: 5 } }),
  'bad date': (d) => ({ ...d, date: '2020-13-45' }),
  'date number': (d) => ({ ...d, date: 20200101 }),
  'bad start time': (d) => ({ ...d, startTime: '25:00' }),
  'start time number': (d) => ({ ...d, startTime: 930 }),
  'no time zone': (d) => ({ ...d, timeZone: undefined }),
  'empty time zone': (d) => ({ ...d, timeZone: '' }),
  'unknown time zone': (d) => ({ ...d, timeZone: 'Mars/Base' }),
  'long time zone': (d) => ({ ...d, timeZone: long(70) }),
  'venue empty': (d) => ({ ...d, venue: {} }),
  'default language de': (d) => ({ ...d, defaultLanguage: 'de' }),
  'participants negative': (d) => ({ ...d, participants: { count: -1 } }),
  'participants fraction': (d) => ({ ...d, participants: { count: 1.5 } }),
  'participants text': (d) => ({ ...d, participants: { count: '3', label: { en: '' } } }),
  'participants extra': (d) => ({ ...d, participants: { count: 3, extra: 1 } }),
  'participants string': (d) => ({ ...d, participants: 'many' }),
  'video ftp': (d) => ({ ...d, videoConference: { url: 'ftp://example.org' } }),
  'video not a url': (d) => ({ ...d, videoConference: { url: 'not a url' } }),
  'video empty': (d) => ({ ...d, videoConference: {} }),
  'video long': (d) => ({ ...d, videoConference: { url: `https://example.org/${long(2_100)}`, provider: long(200) } }),
  'organizations string': (d) => ({ ...d, organizations: 'x' }),
  'organization empty': (d) => ({ ...d, organizations: [{}] }),
  'organizations duplicate': (d) => ({ ...d, organizations: [{ id: 'a' }, { id: 'a' }] }),
  'organizations too many': (d) => ({ ...d, organizations: many(1_001, (i) => ({ id: `o${i}` })) }),
  'organization bad logo': (d) => ({ ...d, organizations: [{ id: 'a', logo: 'not-hex' }] }),
  'run of show empty': (d) => ({ ...d, runOfShow: [] }),
  'run of show string': (d) => ({ ...d, runOfShow: 'x' }),
  'run of show unknown kind': (d) => ({ ...d, runOfShow: [{ kind: 'dance', id: 'd' }, ...(d.runOfShow as unknown[])] }),
  'run of show no kind': (d) => ({ ...d, runOfShow: [{}, ...(d.runOfShow as unknown[])] }),
  'segment without id': (d) => ({ ...d, runOfShow: [{ kind: 'opening' }, ...(d.runOfShow as unknown[])] }),
  'speech without speaker': (d) => ({ ...d, runOfShow: [{ kind: 'speech', id: 'talk' }, ...(d.runOfShow as unknown[])] }),
  'segment duplicate': (d) => ({ ...d, runOfShow: [...(d.runOfShow as unknown[]), (d.runOfShow as unknown[])[0]] }),
  'category segment twice': (d) => ({ ...d, runOfShow: [...(d.runOfShow as unknown[]), { kind: 'category', categoryId: 'best-app' }] }),
  'category segment unknown': (d) => ({ ...d, runOfShow: [...(d.runOfShow as unknown[]), { kind: 'category', categoryId: 'nowhere' }] }),
  'category segment extra': (d) => ({ ...d, runOfShow: [...(d.runOfShow as unknown[]), { kind: 'category', categoryId: 'best-app', title: { en: 'x' } }] }),
  'run of show too long': (d) => ({ ...d, runOfShow: [...(d.runOfShow as unknown[]), ...many(501, (i) => ({ kind: 'interlude', id: `i${i}` }))] }),
  'categories string': (d) => ({ ...d, categories: 'x' }),
  'categories missing': (d) => ({ ...d, categories: undefined }),
  'categories too many': (d) => ({ ...d, categories: many(201, (i) => ranked({ id: `c${i}` })) }),
  'category empty': (d) => ({ ...d, categories: [{}] }),
  'category unknown kind': (d) => ({ ...d, categories: [{ id: 'x', kind: 'other' }] }),
  'category not in run of show': (d) => ({ ...d, categories: [...(d.categories as unknown[]), ranked()] }),
  'category duplicate': (d) => ({ ...d, categories: [...(d.categories as unknown[]), (d.categories as unknown[])[0]] }),
  'ranked no results': (d) => ({ ...d, categories: [ranked({ results: [] })] }),
  'ranked results missing': (d) => ({ ...d, categories: [ranked({ results: undefined })] }),
  'ranked too many results': (d) => ({ ...d, categories: [ranked({ results: many(101, () => ({ place: 1, recipient: recipient({}) })) })] }),
  'ranked place 0': (d) => ({ ...d, categories: [ranked({ results: [{ place: 0, recipient: recipient({}) }] })] }),
  'ranked place fraction': (d) => ({ ...d, categories: [ranked({ results: [{ place: 1.5, recipient: recipient({}) }] })] }),
  'ranked place text': (d) => ({ ...d, categories: [ranked({ results: [{ place: '1', recipient: recipient({}) }] })] }),
  'ranked place missing': (d) => ({ ...d, categories: [ranked({ results: [{ recipient: recipient({}) }] })] }),
  'ranked place beyond count': (d) => ({ ...d, categories: [ranked({ placeCount: 2, results: [{ place: 3, recipient: recipient({}) }] })] }),
  'place count 0': (d) => ({ ...d, categories: [ranked({ placeCount: 0 })] }),
  'place count 101': (d) => ({ ...d, categories: [ranked({ placeCount: 101 })] }),
  'place count fraction': (d) => ({ ...d, categories: [ranked({ placeCount: 1.5 })] }),
  'place count text': (d) => ({ ...d, categories: [ranked({ placeCount: '3' })] }),
  'reveal order random': (d) => ({ ...d, categories: [ranked({ revealOrder: 'random' })] }),
  'reveal order empty': (d) => ({ ...d, categories: [ranked({ revealOrder: [] })] }),
  'reveal order zero': (d) => ({ ...d, categories: [ranked({ revealOrder: [0] })] }),
  'reveal order repeated': (d) => ({ ...d, categories: [ranked({ revealOrder: [1, 1] })] }),
  'reveal order gap': (d) => ({ ...d, categories: [ranked({ placeCount: 2, revealOrder: [1] })] }),
  'reveal order too long': (d) => ({ ...d, categories: [ranked({ revealOrder: many(101, (i) => i + 1) })] }),
  'recipient type company': (d) => ({ ...d, categories: [ranked({ results: [{ place: 1, recipient: recipient({ type: 'company' }) }] })] }),
  'recipient no type': (d) => ({ ...d, categories: [ranked({ results: [{ place: 1, recipient: { name: { fa: 'x' } } }] })] }),
  'recipient no name': (d) => ({ ...d, categories: [ranked({ results: [{ place: 1, recipient: { type: 'person' } }] })] }),
  'recipient missing': (d) => ({ ...d, categories: [ranked({ results: [{ place: 1 }] })] }),
  'recipient bad photo': (d) => ({ ...d, categories: [ranked({ results: [{ place: 1, recipient: recipient({ photo: 'me.png' }) }] })] }),
  'recipient unknown organization': (d) => ({ ...d, organizations: [{ id: 'org-a' }], categories: [ranked({ results: [{ place: 1, recipient: recipient({ organizationId: 'org-b' }) }] })] }),
  'recipient bad organization id': (d) => ({ ...d, categories: [ranked({ results: [{ place: 1, recipient: recipient({ organizationId: 'Org B' }) }] })] }),
  'recipient extra': (d) => ({ ...d, categories: [ranked({ results: [{ place: 1, recipient: recipient({ age: 40 }) }] })] }),
  'recipient empty entry': (d) => ({ ...d, categories: [ranked({ results: [{ place: 1, recipient: recipient({ entry: { en: ' ' } }) }] })] }),
  'score text': (d) => ({ ...d, categories: [ranked({ results: [{ place: 1, score: 'high', recipient: recipient({}) }] })] }),
  'score infinite': (d) => ({ ...d, categories: [ranked({ results: [{ place: 1, score: Number.POSITIVE_INFINITY, recipient: recipient({}) }] })] }),
  'score NaN': (d) => ({ ...d, categories: [ranked({ results: [{ place: 1, score: Number.NaN, recipient: recipient({}) }] })] }),
  'mentions string': (d) => ({ ...d, categories: [ranked({ mentions: 'x' })] }),
  'mentions too many': (d) => ({ ...d, categories: [ranked({ mentions: many(101, () => ({ recipient: recipient({}) })) })] }),
  'mention unknown organization': (d) => ({ ...d, organizations: [], categories: [ranked({ mentions: [{ recipient: recipient({ organizationId: 'nobody' }) }] })] }),
  'mention extra': (d) => ({ ...d, categories: [ranked({ mentions: [{ recipient: recipient({}), place: 1 }] })] }),
  'ranked extra': (d) => ({ ...d, categories: [ranked({ winners: ['a'] })] }),
  'ranked long section': (d) => ({ ...d, categories: [ranked({ section: { fa: long(501) }, prize: {} })] }),
  'nominees one': (d) => ({ ...d, categories: [nominees({ nominees: [{ id: 'a', recipient: recipient({}) }] })] }),
  'nominees too many': (d) => ({ ...d, categories: [nominees({ nominees: many(101, (i) => ({ id: `n${i}`, recipient: recipient({}) })) })] }),
  'nominees missing': (d) => ({ ...d, categories: [nominees({ nominees: undefined })] }),
  'nominee bad id': (d) => ({ ...d, categories: [nominees({ nominees: [{ id: 'A!', recipient: recipient({}) }, { id: 'b', recipient: recipient({}) }] })] }),
  'nominee duplicate': (d) => ({ ...d, categories: [nominees({ nominees: [{ id: 'a', recipient: recipient({}) }, { id: 'a', recipient: recipient({}) }] })] }),
  'nominee unknown organization': (d) => ({ ...d, organizations: [{ id: 'o' }], categories: [nominees({ nominees: [{ id: 'a', recipient: recipient({ organizationId: 'p' }) }, { id: 'b', recipient: recipient({}) }] })] }),
  'winners empty': (d) => ({ ...d, categories: [nominees({ winners: [] })] }),
  'winners missing': (d) => ({ ...d, categories: [nominees({ winners: undefined })] }),
  'winner unknown': (d) => ({ ...d, categories: [nominees({ winners: ['z'] })] }),
  'winner twice': (d) => ({ ...d, categories: [nominees({ winners: ['a', 'a'] })] }),
  'winners too many': (d) => ({ ...d, categories: [nominees({ winners: many(101, () => 'a') })] }),
  'winner bad id': (d) => ({ ...d, categories: [nominees({ winners: ['A A'] })] }),
  'display order partial': (d) => ({ ...d, categories: [nominees({ displayOrder: ['a'] })] }),
  'display order string': (d) => ({ ...d, categories: [nominees({ displayOrder: 'a,b' })] }),
  'nominees extra': (d) => ({ ...d, categories: [nominees({ placeCount: 2 })] }),
  'theme text low contrast': (d) => ({ ...d, theme: { preset: 'daylight', primary: '#8a8a8a' } }),
  'theme every pair low contrast': (d) => ({ ...d, theme: { preset: 'evening', primary: '#333333', surface: '#303030', accent: '#101010' } }),
  'theme unknown face': (d) => ({ ...d, theme: { faceFa: 'nastaliq' } }),
};

/** Every broken definition, by what is wrong with it; the run of show fits the categories unless that is what is broken. */
export function brokenDefinitions(): { name: string; definition: unknown }[] {
  return Object.entries(changes).map(([name, change]) => {
    const definition = change(sampleDefinition()) as Json;
    // A single replaced category gets its own run of show, so that the problem is only the one meant.
    if (definition && typeof definition === 'object' && !Array.isArray(definition) && Array.isArray(definition.categories) && definition.categories.length === 1) {
      const only = definition.categories[0] as Json;
      if (typeof only.id === 'string') definition.runOfShow = [{ kind: 'opening', id: 'opening' }, { kind: 'category', categoryId: only.id }];
    }
    return { name, definition };
  });
}
