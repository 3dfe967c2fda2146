import { render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import { CeremonyFeed } from '../../client/lib/ceremony-feed.svelte';
import { Locale } from '../../client/lib/locale.svelte';
import type { AudienceActions } from '../../client/lib/screen-connection';
import AudiencePage from '../../client/pages/AudiencePage.svelte';
import OverlayPage from '../../client/pages/OverlayPage.svelte';
import StagePage from '../../client/pages/StagePage.svelte';
import { TestRun } from './fixtures';

const actions: AudienceActions = { react: () => {}, setNudge: () => {}, setLocation: () => {} };
const locale = (lang: 'fa' | 'en') => new Locale({ storage: null, root: null, urlLang: lang });
const link = { url: 'http://h/c/egov-award-1399', short: 'h/c/egov-award-1399' } as never;
const reason = { fa: 'نام سازمان اشتباه خوانده شد', en: 'The wrong organization was read out' };

/** A screen showing 3rd place live, then the retraction arriving as the screen receives it. */
async function retractedOn(render: (feed: CeremonyFeed) => void, lang: 'fa' | 'en' = 'fa') {
  const run = new TestRun();
  run.goThrough('g2g/place-3');
  const withdrawn = run.state.results['g2g']!.find((r) => r.cueId === 'g2g/place-3')!.entries[0]!.recipient.name;
  const feed = new CeremonyFeed();
  feed.applySnapshot(run.state);
  render(feed);
  await tick();
  expect(document.body.textContent).toContain(withdrawn[lang]);
  for (const event of run.command({ type: 'retract', confirm: true, reason })) expect(feed.applyEvent(event).kind).toBe('applied');
  await tick();
  return { run, feed, withdrawn };
}

describe('A retraction on every screen', () => {
  it('[S28] the stage shows the correction (what was withdrawn and why) in its language, not the ceremony title', async () => {
    const { run, feed, withdrawn } = await retractedOn((feed) => render(StagePage, { feed, locale: locale('fa'), link, qrCodeUrl: '/qr.svg' }));
    const card = screen.getByRole('status', { name: 'اصلاحیه' });
    expect(card.textContent).toContain('اعلام رتبه سوم در «بهترین خدمات دولت به دولت (G2G)» پس گرفته شد.');
    expect(card.textContent).toContain(reason.fa);
    expect(document.body.textContent).not.toContain(withdrawn.fa);

    // The corrected result revealed: the correction gives way to it.
    for (const event of run.go()) feed.applyEvent(event);
    await tick();
    expect(screen.queryByRole('status', { name: 'اصلاحیه' })).toBeNull();
    expect(document.querySelector('.reveal-card')).not.toBeNull();
  });

  it('[S28] the stage in English says the same', async () => {
    await retractedOn((feed) => render(StagePage, { feed, locale: locale('en'), link, qrCodeUrl: '/qr.svg' }), 'en');
    const card = screen.getByRole('status', { name: 'Correction' });
    expect(card.textContent).toContain('The announcement of 3rd place in “Best government-to-government (G2G) services” was withdrawn.');
    expect(card.textContent).toContain(reason.en);
  });

  it('[S28] the overlay clears: no lower third, no withdrawn name', async () => {
    const { withdrawn } = await retractedOn((feed) => {
      render(OverlayPage, { feed, locale: locale('fa'), background: null });
    });
    expect(document.querySelector('.lower-third')).toBeNull();
    expect(document.body.textContent).not.toContain(withdrawn.fa);
  });

  it('[S28] the audience shows the correction with its reason, and the withdrawn name is no longer the latest reveal', async () => {
    const { withdrawn } = await retractedOn((feed) => render(AudiencePage, { feed, locale: locale('fa'), actions }));
    const corrections = screen.getByRole('region', { name: 'اصلاحیه' });
    expect(corrections.textContent).toContain('رتبه سوم');
    expect(corrections.textContent).toContain(reason.fa);
    expect(document.querySelector('.reveal-card')?.textContent ?? '').not.toContain(withdrawn.fa);
  });
});
