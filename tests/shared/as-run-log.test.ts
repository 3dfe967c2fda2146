import { describe, expect, it } from 'vitest';
import { Harness, seedCeremony } from '../helpers/ceremony-harness';
import { parse as parseCsv } from 'csv-parse/sync';
import { AS_RUN_CSV_COLUMNS, asRunCsvTable, asRunRows, type AsRunRow } from '../../shared/as-run-log';
import { writeCsv } from '../../server/csv/csv';

/** The as-run CSV as the server writes it. */
const asRunCsv = (rows: readonly AsRunRow[]) => writeCsv(asRunCsvTable(rows));

describe('as-run log', () => {
  it('one row per event, with the time since the first cue, the cue, the place and the names; the CSV parses back to the same rows', () => {
    const h = new Harness(seedCeremony());
    h.given({ type: 'announce', text: { fa: 'به‌زودی آغاز می‌کنیم', en: 'Starting soon, "really"' } });
    h.go(); // opening
    h.go(); // guest of honour
    h.given({ type: 'hold', message: { fa: 'وقفه کوتاه', en: 'A short break' } }, { type: 'resume' });
    while (h.state.results.g2g?.length !== 2) h.go();
    h.given({ type: 'retract', confirm: true, reason: { fa: 'اشتباه', en: 'A mistake, sorry' } });
    h.go();
    const rows = asRunRows(h.log, h.state.cues);

    expect(rows.map((r) => r.seq)).toEqual(h.log.map((e) => e.seq));
    expect(rows.map((r) => r.type)).toEqual(h.log.map((e) => e.type));
    // The harness ticks one second per command; the first cue is the opening at seq 2.
    expect(rows[0]).toMatchObject({ type: 'announced', sinceFirstCue: '-00:00:01.000', text: { en: 'Starting soon, "really"' }, cueId: '' });
    expect(rows[1]).toMatchObject({ type: 'cue_started', cueId: 'opening', sinceFirstCue: '00:00:00.000', time: new Date(h.log[1]!.at).toISOString() });
    const hold = rows.find((r) => r.type === 'hold_started')!;
    expect(hold.text).toEqual({ fa: 'وقفه کوتاه', en: 'A short break' });
    const reveal3 = rows.find((r) => r.type === 'result_revealed' && r.place === '3')!;
    expect(reveal3).toMatchObject({ cueId: 'g2g/place-3', categoryId: 'g2g', names: { fa: 'مرکز توسعه تجارت الکترونیکی', en: 'E-Commerce Development Center' } });
    expect(reveal3.cueLabel.fa).toBe('بهترین خدمات دولت به دولت (G2G) · رتبه سوم');
    const retraction = rows.find((r) => r.type === 'reveal_retracted')!;
    expect(retraction).toMatchObject({ cueId: 'g2g/place-3', place: '3', names: { en: 'E-Commerce Development Center' }, text: { en: 'A mistake, sorry' }, actor: 'operator' });

    const [header, ...body] = parseCsv(asRunCsv(rows)) as string[][];
    expect(header).toEqual([...AS_RUN_CSV_COLUMNS]);
    expect(body).toEqual(
      rows.map((r) => [String(r.seq), r.time, r.shownTime, r.sinceFirstCue, r.type, r.cueId, r.cueLabel.fa ?? '', r.cueLabel.en ?? '', r.categoryId, r.place, r.names.fa ?? '', r.names.en ?? '', r.text.fa ?? '', r.text.en ?? '', r.actor, r.confirmedBy, r.actorRole, r.token]),
    );
  });

  it('a whole run: times since the first cue grow with seq and the last row is the closing', () => {
    const h = new Harness(seedCeremony()).goToEnd();
    const rows = asRunRows(h.log, h.state.cues);
    expect(rows.at(-1)).toMatchObject({ type: 'cue_started', cueId: 'closing', sinceFirstCue: `00:00:${String(h.log.length - 1).padStart(2, '0')}.000` });
  });

  it('times the cut by when screens showed each event (showAt), and keeps when it was decided', () => {
    const h = new Harness(seedCeremony()).goToEnd();
    // The server stamps showAt a short lead after `at`; a log written before leads has none.
    const led = h.log.map((e, i) => (i === 0 ? e : { ...e, showAt: e.at + 250 }));
    const rows = asRunRows(led, h.state.cues);
    expect(rows[0]).toMatchObject({ time: new Date(h.log[0]!.at).toISOString(), shownTime: new Date(h.log[0]!.at).toISOString(), sinceFirstCue: '00:00:00.000' });
    expect(rows[1]).toMatchObject({ time: new Date(h.log[1]!.at).toISOString(), shownTime: new Date(h.log[1]!.at + 250).toISOString(), sinceFirstCue: '00:00:01.250' });
  });

  it('an empty run has only the header', () => {
    expect(parseCsv(asRunCsv(asRunRows([], [])))).toEqual([[...AS_RUN_CSV_COLUMNS]]);
  });
});

describe('[S24] exports a spreadsheet opens safely', () => {
  it('[S24] an announcement, a hold message and a name that start like a formula are neutralised in as-run.csv', () => {
    const h = new Harness(seedCeremony());
    h.given({ type: 'announce', commandId: 'a', text: { en: '=HYPERLINK("http://evil.example","click")', fa: '@SUM(1)' } }, { type: 'hold', commandId: 'h', message: { en: '+cmd', fa: '-x' } });
    const [, announced, hold] = parseCsv(asRunCsv(asRunRows(h.log, h.state.cues))) as string[][];
    const col = (name: string) => (AS_RUN_CSV_COLUMNS as readonly string[]).indexOf(name);
    expect([announced![col('text_en')], announced![col('text_fa')]]).toEqual(['\'=HYPERLINK("http://evil.example","click")', "'@SUM(1)"]);
    expect([hold![col('text_en')], hold![col('text_fa')]]).toEqual(["'+cmd", "'-x"]);
  });
});
