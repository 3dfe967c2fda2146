import { contrastRatio, themeColours } from '../../shared/contrast';
import type { Theme } from '../../shared/theme';
import { themeVariables } from './theme';

/** The certificate's paper: it is printed, so it stays light whatever the theme (no page of ink). */
export const CERTIFICATE_PAPER = '#fffdf7';
const INK = '#1d1a12';

/** The first of the theme's colours that reads on the paper at `ratio`, else ink. */
function onPaper(candidates: string[], ratio: number): string {
  return candidates.find((c) => contrastRatio(c, CERTIFICATE_PAPER) >= ratio) ?? INK;
}

/**
 * A certificate's look from the ceremony's theme: its face, and its colours moved onto light paper.
 * The heading takes the theme's accent when it reads on paper (AA, 4.5:1), else its deep
 * background colour (a dark theme's); the frame a colour that shows on paper (3:1); the fine rule the accent.
 */
export function certificateStyle(theme: Theme | undefined): string {
  const c = themeColours(theme);
  const vars: Record<string, string> = {
    '--theme-font': themeVariables(theme)['--theme-font']!,
    '--cert-paper': CERTIFICATE_PAPER,
    '--cert-ink': INK,
    '--cert-heading': onPaper([c.accent, c.bg, c.surface, ...c.backgrounds], 4.5),
    '--cert-frame': onPaper([c.bg, ...c.backgrounds, c.surface, c.accent], 3),
    '--cert-rule': c.accent,
    '--cert-muted': '#4f4a3e',
  };
  return Object.entries(vars)
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ');
}
