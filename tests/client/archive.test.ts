import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import sample from '../../ceremonies/sample-awards.json';
import ArchiveCategory from '../../client/components/archive/ArchiveCategory.svelte';
import CertificateSheet from '../../client/components/archive/CertificateSheet.svelte';
import { parseArchiveRoute } from '../../client/lib/archive-route';
import { parseRoute } from '../../client/lib/route';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { certificatesOf } from '../../shared/certificates';
import { buildCues, toPublicCeremony } from '../../shared/cues';
import { decide } from '../../shared/decide';
import { resultsExport } from '../../shared/results-export';
import { evolve, initialState, nextCue, type CeremonyState } from '../../shared/state';
import { parse, seedDefinition } from './fixtures';

/** GO through a ceremony until `stop` holds (or to its end). */
function run(def: CeremonyDefinition, stop: (s: CeremonyState) => boolean = () => false): CeremonyState {
  let state = initialState(toPublicCeremony(def), buildCues(def));
  for (let cue = nextCue(state); cue && !stop(state); cue = nextCue(state)) {
    const decision = decide(state, { type: 'go', expectedCue: cue.id }, def);
    if (!decision.ok) throw new Error(decision.error.message);
    for (const body of decision.events) state = evolve(state, { ...body, seq: state.seq + 1, at: 1_000 });
  }
  return state;
}

describe('archive routes', () => {
  it('parses /results/:id and /certificates/:id, and nothing else', () => {
    expect(parseArchiveRoute('/results/egov-award-1399')).toEqual({ page: 'results', ceremonyId: 'egov-award-1399' });
    expect(parseArchiveRoute('/certificates/sample-awards/')).toEqual({ page: 'certificates', ceremonyId: 'sample-awards' });
    expect(parseArchiveRoute('/results/')).toBeNull();
    expect(parseArchiveRoute('/results/a/b')).toBeNull();
    expect(parseRoute('/results/egov-award-1399', '')).toEqual({ page: 'results', ceremonyId: 'egov-award-1399' });
    expect(parseRoute('/certificates/egov-award-1399', '?lang=en')).toEqual({ page: 'certificates', ceremonyId: 'egov-award-1399' });
  });
});

describe('ArchiveCategory', () => {
  it('lists the seed results best first, with Persian digits, and says when a category has nothing yet', () => {
    const archive = resultsExport(run(seedDefinition()));
    const { container } = render(ArchiveCategory, { category: archive.categories[0]!, lang: 'fa' });
    expect([...container.querySelectorAll('.name')].map((n) => n.textContent)).toEqual([
      'دفتر هیئت دولت جمهوری اسلامی',
      'وزارت بهداشت، درمان و آموزش پزشکی',
      'مرکز توسعه تجارت الکترونیکی',
      'سازمان اداری و استخدامی کشور',
    ]);
    expect([...container.querySelectorAll('.badge')].map((n) => n.textContent)).toEqual(['۱', '۲', '۳', '۴']);

    const before = resultsExport(run(seedDefinition(), (s) => s.startedAt !== null));
    const empty = render(ArchiveCategory, { category: before.categories[0]!, lang: 'en' });
    expect(empty.container.textContent).toContain('have not been announced yet');
    expect(empty.container.querySelectorAll('.name')).toHaveLength(0);
  });

  it('shows mentions apart, and the winners of a nominees category as winners', () => {
    const archive = resultsExport(run(parse(sample)));
    const bestApp = render(ArchiveCategory, { category: archive.categories.find((c) => c.id === 'best-app')!, lang: 'en' });
    expect(bestApp.container.querySelector('.mentions')!.textContent).toContain('Epsilon Imaginary Workshop');
    expect(bestApp.container.querySelectorAll('li[data-place="3"]')).toHaveLength(2);
    const openData = render(ArchiveCategory, { category: archive.categories.find((c) => c.kind === 'nominees')!, lang: 'en' });
    expect(openData.container.querySelector('.place')!.textContent).toBe('Winner');
  });
});

describe('CertificateSheet', () => {
  it('the seed 3rd place in Persian: RTL, the prize title, the recipient and entry, the place and category, the Jalali date', () => {
    const certificate = certificatesOf(resultsExport(run(seedDefinition())))[2]!;
    const { container } = render(CertificateSheet, { certificate, lang: 'fa' });
    const sheet = container.querySelector('article.certificate')!;
    expect(sheet.getAttribute('dir')).toBe('rtl');
    expect(sheet.querySelector('.prize')!.textContent).toBe('گواهی اهتمام به تعالی در آمادگی دولت الکترونیک');
    expect(sheet.querySelector('.recipient')!.textContent).toBe('مرکز توسعه تجارت الکترونیکی');
    expect(sheet.querySelector('.entry')!.textContent).toBe('برای «سامانه تدارکات الکترونیکی دولت (ستاد)»');
    expect(sheet.querySelector('.reason')!.textContent).toBe('به پاس کسب رتبه سوم در «بهترین خدمات دولت به دولت (G2G)»، بخش داوطلبانه');
    expect(sheet.querySelector('time')!.textContent).toBe('سه‌شنبه ۵ اسفند ۱۳۹۹');
  });

  it('words a nominee winner and a mention as such, in English', () => {
    const certificates = certificatesOf(resultsExport(run(parse(sample))));
    const winner = render(CertificateSheet, { certificate: certificates.find((c) => c.categoryKind === 'nominees')!, lang: 'en' });
    expect(winner.container.querySelector('.reason')!.textContent).toMatch(/^as the winner of “/);
    const mention = render(CertificateSheet, { certificate: certificates.find((c) => c.mention)!, lang: 'en' });
    expect(mention.container.querySelector('.reason')!.textContent).toMatch(/^for an honourable mention in “Best public app”/);
    expect(mention.container.querySelector('article')!.getAttribute('dir')).toBe('ltr');
  });

  it('a mention is headed "Honourable mention" (تقدیر), not with the prize; each certificate has its stable number, in Persian digits in Persian', () => {
    const certificates = certificatesOf(resultsExport(run(parse(sample))));
    const mentions = certificates.filter((c) => c.mention);
    expect(mentions.map((c) => c.number)).toEqual(['sample-awards/best-app/m-1', 'sample-awards/best-app/m-2']);
    expect(new Set(certificates.map((c) => c.number)).size).toBe(certificates.length);
    const fa = render(CertificateSheet, { certificate: mentions[0]!, lang: 'fa' });
    expect(fa.container.querySelector('.prize')!.textContent).toBe('تقدیر');
    expect(fa.container.querySelector('.number code')!.textContent).toBe('sample-awards/best-app/m-۱');
    const en = render(CertificateSheet, { certificate: mentions[0]!, lang: 'en' });
    expect(en.container.querySelector('.prize')!.textContent).toBe('Honourable mention');
    expect(en.container.querySelectorAll('.signature')).toHaveLength(2);
    const seed = certificatesOf(resultsExport(run(seedDefinition())));
    expect(seed.map((c) => c.number)).toEqual(['egov-award-1399/g2g/1-1', 'egov-award-1399/g2g/2-1', 'egov-award-1399/g2g/3-1', 'egov-award-1399/g2g/4-1']);
    // The digits of an id's word (g2g) stay; the year, the place and the position are Persian.
    const third = render(CertificateSheet, { certificate: seed[2]!, lang: 'fa' });
    expect(third.container.querySelector('.number code')!.textContent).toBe('egov-award-۱۳۹۹/g2g/۳-۱');
  });

  it('a tie numbers its recipients 1 and 2 at their place; the theme\'s logo heads the certificate', () => {
    const certificates = certificatesOf(resultsExport(run(parse(sample))));
    const third = certificates.filter((c) => c.categoryId === 'best-app' && c.place === 3);
    expect(third.map((c) => c.number)).toEqual(['sample-awards/best-app/3-1', 'sample-awards/best-app/3-2']);
    const logo = 'a'.repeat(64);
    const { container } = render(CertificateSheet, { certificate: third[0]!, lang: 'fa', theme: { preset: 'civic', logo } });
    expect(container.querySelector('img.logo')!.getAttribute('src')).toContain(logo);
  });
});
