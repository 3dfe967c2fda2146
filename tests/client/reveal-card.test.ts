import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import RevealCard from '../../client/components/RevealCard.svelte';
import { latestReveal } from '../../client/lib/ceremony-view';
import { TestRun } from './fixtures';

function revealOf(cueId: string) {
  const run = new TestRun();
  const reveal = latestReveal(run.goThrough(cueId));
  if (!reveal) throw new Error(`${cueId} revealed nothing`);
  return reveal;
}

describe('RevealCard', () => {
  it('shows the place and the recipient in Persian, right to left, with Persian digits', () => {
    const { category, result } = revealOf('g2g/place-4');
    const { container } = render(RevealCard, { category, result, lang: 'fa' });
    const card = container.querySelector('article')!;

    expect(card.getAttribute('lang')).toBe('fa');
    expect(card.getAttribute('dir')).toBe('rtl');
    expect(card.textContent).toContain('رتبه چهارم');
    expect(card.textContent).toContain('سازمان اداری و استخدامی کشور');
    expect(card.textContent).toContain('بهترین خدمات دولت به دولت (G2G)');
    expect(card.querySelector('.badge')!.textContent).toBe('۴');
    // The category's own name has "G2G"; everything the card itself writes uses Persian digits.
    expect(card.querySelector('.slot')!.textContent).not.toMatch(/[0-9]/);
  });

  it('shows the same reveal in English, left to right', () => {
    const { category, result } = revealOf('g2g/place-4');
    const { container } = render(RevealCard, { category, result, lang: 'en' });
    const card = container.querySelector('article')!;

    expect(card.getAttribute('dir')).toBe('ltr');
    expect(card.textContent).toContain('4th place');
    expect(card.textContent).toContain('Administrative and Recruitment Organization');
    expect(card.querySelector('.badge')!.textContent).toBe('4');
    expect(card.textContent).not.toContain('سازمان');
  });

  it('shows what a recipient won for, when the ceremony names it', () => {
    const { category, result } = revealOf('g2g/place-3');
    const { container } = render(RevealCard, { category, result, lang: 'fa' });

    expect(container.textContent).toContain('رتبه سوم');
    expect(container.textContent).toContain('مرکز توسعه تجارت الکترونیکی');
    expect(container.textContent).toContain('سامانه تدارکات الکترونیکی دولت (ستاد)');
  });
});
