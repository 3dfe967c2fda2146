import { describe, expect, it } from 'vitest';
import { contrastMessage, contrastRatio, relativeLuminance, themeColours, themeContrastFailures } from '../../shared/contrast';
import { persianProblem } from '../../shared/problem-text';
import { ThemePresets } from '../../shared/theme-names';
import { parseCeremony } from '../../shared/validation';
import { sampleCeremony, seedCeremony } from '../helpers/ceremony-harness';

describe('theme contrast (WCAG AA)', () => {
  it('relative luminance and contrast ratio match WCAG for known colours', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(ThemePresets)('the %s preset passes every pair', (preset) => {
    expect(themeContrastFailures({ preset })).toEqual([]);
  });

  it('the seed ceremony has the civic theme and is valid', () => {
    const seed = seedCeremony();
    expect(seed.theme).toEqual({ preset: 'civic' });
    expect(parseCeremony(seed).ok).toBe(true);
  });

  it('a definition whose text fails on its background is refused, the message naming the pair, both colours and the ratio', () => {
    const def = { ...sampleCeremony(), theme: { preset: 'daylight', primary: '#8a8a8a' } };
    const parsed = parseCeremony(def);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const problem = parsed.problems.find((p) => p.code === 'low_contrast');
    expect(problem?.path).toBe('theme.primary');
    const ratio = Math.floor(contrastRatio('#8a8a8a', '#f4f1ea') * 100) / 100;
    expect(problem?.message).toBe(`too little contrast (WCAG AA): text #8a8a8a on background #f4f1ea is ${ratio}:1, needs at least 4.5:1`);
    expect(persianProblem(problem!.message)).toContain('تضاد رنگ کافی نیست');
  });

  it('each pair is checked: muted text, surface, on-accent, accent as large text (3:1), both ends of a gradient, an image\'s fallback colour', () => {
    const pairs = (theme: Parameters<typeof themeContrastFailures>[0]) => themeContrastFailures(theme).map((f) => f.pair);
    expect(pairs({ preset: 'evening', surface: '#d8d0c0' })).toEqual(['text-on-surface']);
    expect(pairs({ preset: 'evening', accent: '#3a3020' })).toContain('accent-on-background');
    expect(pairs({ preset: 'daylight', accent: '#f0a0a0' })).toEqual(expect.arrayContaining(['on-accent-on-accent', 'accent-on-background']));
    expect(pairs({ preset: 'evening', background: { kind: 'gradient', from: '#0e0c08', to: '#d0c8b0' } })).toContain('text-on-background');
    expect(pairs({ preset: 'daylight', background: { kind: 'image', image: 'a'.repeat(64), colour: '#202020' } })).toContain('text-on-background');
    // Muted text is the text mixed into the background: a text that just passes leaves muted below.
    const c = themeColours({ preset: 'daylight', primary: '#5c5c5c' });
    expect(contrastRatio(c.text, c.bg)).toBeGreaterThan(4.5);
    expect(pairs({ preset: 'daylight', primary: '#5c5c5c' })).toEqual(['muted-on-background']);
  });

  it('a ratio is rounded down, so a message never shows a failing ratio as 4.5', () => {
    const [failure] = themeContrastFailures({ preset: 'daylight', primary: '#777777', background: { kind: 'colour', colour: '#ffffff' } });
    expect(failure?.ratio).toBe(4.47);
    expect(contrastMessage(failure!)).toContain('is 4.47:1');
  });
});
