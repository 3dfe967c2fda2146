import { describe, expect, it } from 'vitest';
import { Harness, sampleCeremony, seedCeremony } from '../helpers/ceremony-harness';
import { formatElapsed, jalaliIsoDate } from '../../shared/calendar';
import { certificatesOf } from '../../shared/certificates';
import { parse as parseCsv } from 'csv-parse/sync';
import { RESULTS_CSV_COLUMNS, resultsCsvTable, resultsExport, type ResultsExport } from '../../shared/results-export';
import { writeCsv } from '../../server/csv/csv';
import { realRecipientTexts } from '../../shared/stand-ins';
import { textValues } from '../../shared/text';

/** The results CSV as the server writes it. */
const resultsCsv = (archive: ResultsExport) => writeCsv(resultsCsvTable(archive));
const rows = (csv: string) => {
  const [header, ...body] = parseCsv(csv, { bom: true }) as string[][];
  return body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
};

describe('calendar helpers', () => {
  it('the seed date 2021-02-23 is 1399-12-05 in the Jalali calendar, with ASCII digits', () => {
    expect(jalaliIsoDate('2021-02-23')).toBe('1399-12-05');
    expect(jalaliIsoDate('2021-03-21')).toBe('1400-01-01');
    expect(jalaliIsoDate('2026-12-18')).toBe('1405-09-27');
  });

  it('formats elapsed time as HH:MM:SS.mmm, negative before the first cue', () => {
    expect(formatElapsed(0)).toBe('00:00:00.000');
    expect(formatElapsed(3_723_045)).toBe('01:02:03.045');
    expect(formatElapsed(-1500)).toBe('-00:00:01.500');
  });
});

describe('results export', () => {
  it('the finished seed ceremony: G2G ranked 1st to 4th, both calendars, status ended; the CSV parses back to the same rows', () => {
    const h = new Harness(seedCeremony()).goToEnd();
    const archive = resultsExport(h.state);
    expect(archive).toMatchObject({ ceremonyId: 'egov-award-1399', status: 'ended', date: { gregorian: '2021-02-23', jalali: '1399-12-05' } });
    const g2g = archive.categories[0]!;
    expect(g2g.results.map((r) => [r.place, r.recipient.name.fa])).toEqual([
      [1, 'دفتر هیئت دولت جمهوری اسلامی'],
      [2, 'وزارت بهداشت، درمان و آموزش پزشکی'],
      [3, 'مرکز توسعه تجارت الکترونیکی'],
      [4, 'سازمان اداری و استخدامی کشور'],
    ]);

    const csv = resultsCsv(archive);
    const parsed = parseCsv(csv) as string[][];
    expect(parsed[0]).toEqual([...RESULTS_CSV_COLUMNS]);
    expect(rows(csv)).toEqual(
      g2g.results.map((r) => ({
        ceremony_id: 'egov-award-1399',
        date_gregorian: '2021-02-23',
        date_jalali: '1399-12-05',
        category: 'g2g',
        category_fa: 'بهترین خدمات دولت به دولت (G2G)',
        category_en: 'Best government-to-government (G2G) services',
        place: String(r.place),
        mention: '',
        type: 'organization',
        name_fa: r.recipient.name.fa,
        name_en: r.recipient.name.en,
        entry_fa: r.recipient.entry?.fa ?? '',
        entry_en: r.recipient.entry?.en ?? '',
        score: '',
        attendance: '',
        accepted_by_fa: '',
        accepted_by_en: '',
      })),
    );
    // A name with a comma survives the quoting.
    expect(rows(csv)[1]!.name_fa).toBe('وزارت بهداشت، درمان و آموزش پزشکی');
  });

  it('ties share a place, mentions follow the places, nominee winners are at place 1, scores are kept', () => {
    const h = new Harness(sampleCeremony()).goToEnd();
    const archive = resultsExport(h.state);
    const bestApp = archive.categories.find((c) => c.id === 'best-app')!;
    expect(bestApp.results.map((r) => r.place)).toEqual([1, 2, 3, 3]);
    expect(bestApp.mentions.map((m) => m.recipient.name.en)).toEqual(['Epsilon Imaginary Workshop', 'Zeta Imaginary Club']);
    const openData = archive.categories.find((c) => c.id === 'open-data')!;
    expect(openData.results.every((r) => r.place === 1)).toBe(true);
    const csvRows = rows(resultsCsv(archive)).filter((r) => r.category === 'best-app');
    expect(csvRows.map((r) => [r.place, r.mention, r.score])).toEqual([
      ['1', '', '94.5'],
      ['2', '', '91'],
      ['3', '', '88'],
      ['3', '', '88'],
      ['', 'yes', ''],
      ['', 'yes', ''],
    ]);
  });

  it('[S34] who was not there is in the export and the CSV, once revealed: absent, remote, accepted on behalf and by whom', () => {
    const def = sampleCeremony();
    const bestApp = def.categories.find((c) => c.id === 'best-app')!;
    if (bestApp.kind !== 'ranked') throw new Error('best-app is ranked');
    bestApp.results.find((r) => r.place === 1)!.attendance = { status: 'on_behalf', acceptedBy: { fa: 'نمایندهٔ خیالی', en: 'Proxy, Imaginary' } };
    bestApp.results.find((r) => r.place === 2)!.attendance = { status: 'absent' };
    bestApp.mentions![0]!.attendance = { status: 'remote' };
    const h = new Harness(def);
    while ((h.state.results['best-app']?.length ?? 0) < 3) h.go();
    // Place 1 not revealed yet: who accepts for it is in no export.
    expect(JSON.stringify(resultsExport(h.state)) + resultsCsv(resultsExport(h.state))).not.toContain('Proxy');
    const archive = resultsExport(h.goToEnd().state);
    const exported = archive.categories.find((c) => c.id === 'best-app')!;
    expect(exported.results[0]!.attendance).toEqual({ status: 'on_behalf', acceptedBy: { fa: 'نمایندهٔ خیالی', en: 'Proxy, Imaginary' } });
    const csvRows = rows(resultsCsv(archive)).filter((r) => r.category === 'best-app');
    expect(csvRows.map((r) => [r.place, r.mention, r.attendance, r.accepted_by_fa, r.accepted_by_en])).toEqual([
      ['1', '', 'on_behalf', 'نمایندهٔ خیالی', 'Proxy, Imaginary'],
      ['2', '', 'absent', '', ''],
      ['3', '', '', '', ''],
      ['3', '', '', '', ''],
      ['', 'yes', 'remote', '', ''],
      ['', 'yes', '', '', ''],
    ]);
  });

  it('[S3] mid-ceremony the export holds what is revealed so far and not one unrevealed name or entry', () => {
    const def = seedCeremony();
    const h = new Harness(def);
    while (h.state.results.g2g?.length !== 2) h.go();
    const archive = resultsExport(h.state);
    expect(archive.status).toBe('in_progress');
    expect(archive.categories[0]!.results.map((r) => r.place)).toEqual([3, 4]);
    const exported = JSON.stringify(archive) + resultsCsv(archive);
    const unrevealed = def.categories[0]!.kind === 'ranked' ? def.categories[0]!.results.filter((r) => r.place <= 2).flatMap((r) => [r.recipient.name.fa!, r.recipient.name.en!]) : [];
    expect(unrevealed).toHaveLength(4);
    for (const name of unrevealed) expect(exported).not.toContain(name);
    // Of every real name and entry, the export holds exactly those of the two revealed places.
    const revealed = def.categories[0]!.kind === 'ranked' ? def.categories[0]!.results.filter((r) => r.place >= 3).flatMap((r) => [...textValues(r.recipient.name), ...textValues(r.recipient.entry)]) : [];
    expect(new Set(realRecipientTexts(def).filter((s) => exported.includes(s)))).toEqual(new Set(revealed));
  });

  it('a retracted reveal leaves the export', () => {
    const h = new Harness(seedCeremony());
    while (h.state.results.g2g?.length !== 1) h.go();
    h.given({ type: 'retract', confirm: true });
    expect(resultsExport(h.state).categories[0]!.results).toEqual([]);
  });

  it('certificates: one per revealed recipient, with the prize, place and category (4 for the seed)', () => {
    const archive = resultsExport(new Harness(seedCeremony()).goToEnd().state);
    const certificates = certificatesOf(archive);
    expect(certificates).toHaveLength(4);
    expect(certificates.map((c) => c.place)).toEqual([1, 2, 3, 4]);
    expect(certificates[2]).toMatchObject({
      prize: { fa: 'گواهی اهتمام به تعالی در آمادگی دولت الکترونیک' },
      categoryTitle: { en: 'Best government-to-government (G2G) services' },
      recipient: { name: { fa: 'مرکز توسعه تجارت الکترونیکی' } },
      date: { jalali: '1399-12-05' },
    });
    const sample = certificatesOf(resultsExport(new Harness(sampleCeremony()).goToEnd().state));
    expect(sample.filter((c) => c.mention)).toHaveLength(2);
  });
});

describe('[S24] results.csv opens safely in a spreadsheet', () => {
  it('[S24] a name, an entry or a title that starts like a formula is neutralised; scores stay numbers', () => {
    const def = sampleCeremony();
    const bestApp = def.categories.find((c) => c.id === 'best-app')!;
    if (bestApp.kind !== 'ranked') throw new Error('best-app is ranked');
    bestApp.title = { en: '@Best app', fa: '\tبهترین' };
    bestApp.results[0]!.recipient = { type: 'organization', name: { en: '=HYPERLINK("http://evil.example")', fa: '-نام' }, entry: { en: '+entry' } };
    const best = rows(resultsCsv(resultsExport(new Harness(def).goToEnd().state))).filter((r) => r.category === 'best-app');
    expect(best[0]).toMatchObject({ category_en: "'@Best app", category_fa: "'\tبهترین", name_en: '\'=HYPERLINK("http://evil.example")', name_fa: "'-نام", entry_en: "'+entry", place: '1', score: '94.5' });
  });
});
