import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import NextCuePreview from '../../client/components/NextCuePreview.svelte';
import { TestRun } from './fixtures';

describe('NextCuePreview', () => {
  it('shows the next reveal with the recipient the operator is about to reveal', () => {
    const run = new TestRun();
    const state = run.goUntilNext('g2g/place-4');
    const { container } = render(NextCuePreview, { run: state, previews: run.previews, lang: 'en' });
    const summary = container.querySelector('.summary')!;

    expect(summary.textContent).toContain('Next:');
    expect(summary.textContent).toContain('Best government-to-government (G2G) services · 4th place');
    expect(summary.textContent).toContain('Administrative and Recruitment Organization');
    // As the audience will see it: the same reveal card, with the place and the name.
    const card = container.querySelector('.reveal-card')!;
    expect(card.textContent).toContain('4th place');
    expect(card.textContent).toContain('Administrative and Recruitment Organization');
  });

  it('shows it in Persian too', () => {
    const run = new TestRun();
    const state = run.goUntilNext('g2g/place-3');
    const { container } = render(NextCuePreview, { run: state, previews: run.previews, lang: 'fa' });

    expect(container.querySelector('.summary')!.textContent).toContain('بعدی:');
    expect(container.textContent).toContain('رتبه سوم');
    expect(container.textContent).toContain('مرکز توسعه تجارت الکترونیکی');
  });

  it('shows a speech cue with its speaker and role', () => {
    const run = new TestRun();
    const state = run.goUntilNext('guest-of-honour');
    const { container } = render(NextCuePreview, { run: state, previews: run.previews, lang: 'fa' });

    expect(container.textContent).toContain('آقای مهندس انصاری');
    expect(container.textContent).toContain('معاون رئیس جمهور و رئیس سازمان اداری و استخدامی کشور');
    expect(container.querySelector('.reveal-card')).toBeNull();
  });

  it('says the run of show is over when there is no next cue', () => {
    const run = new TestRun();
    const state = run.goThrough('closing');
    const { container } = render(NextCuePreview, { run: state, previews: run.previews, lang: 'en' });

    expect(container.textContent).toContain('End of the run of show');
    expect(container.querySelector('.summary')).toBeNull();
  });
});
