import { resolveTheme, type ResolvedTheme, type Theme } from './theme';

/**
 * WCAG 2.x contrast of `#rrggbb` colours, and the check of a theme's text against its colours
 * (AA: 4.5:1 for text, 3:1 for large text). Zod-free: the studio checks as it is edited, the
 * definition's validation refuses a theme that fails (shared/validation.ts).
 */

/** `#rrggbb` mixed with another: `weight` of the first (CSS color-mix in srgb, rounded). */
export function mixColours(a: string, b: string, weight: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const out = [0, 1, 2].map((i) => Math.round(channel(a, i) * weight + channel(b, i) * (1 - weight)));
  return `#${out.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** The colours a theme's screens paint with, as client/lib/theme.ts derives them (kept out of the audience page's bundle). */
export interface ThemeColours {
  text: string;
  muted: string;
  accent: string;
  onAccent: string;
  surface: string;
  surfaceText: string;
  /** The solid colour behind the text: a gradient's start, else the colour (an image's fallback too). */
  bg: string;
  /** Every solid colour the background shows (a gradient's both ends): text is checked on each. */
  backgrounds: string[];
}

export function themeColours(theme: Theme | ResolvedTheme | undefined): ThemeColours {
  const t = resolveTheme(theme);
  const bg = t.background.kind === 'gradient' ? t.background.from : t.background.colour;
  const backgrounds = t.background.kind === 'gradient' ? [t.background.from, t.background.to] : [t.background.colour];
  return {
    text: t.primary,
    // client/lib/theme.ts: color-mix(in srgb, primary 78%, bg).
    muted: mixColours(t.primary, bg, 0.78),
    accent: t.accent,
    onAccent: t.mode === 'dark' ? bg : '#ffffff',
    surface: t.surface,
    surfaceText: t.primary,
    bg,
    backgrounds,
  };
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** The relative luminance of `#rrggbb` (0 black … 1 white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = [0, 1, 2].map((i) => linear(parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Which pair of a theme's colours is checked: what is written on what. */
export const ContrastPairs = ['text-on-background', 'muted-on-background', 'text-on-surface', 'on-accent-on-accent', 'accent-on-background'] as const;
export type ContrastPair = (typeof ContrastPairs)[number];

export interface ContrastFailure {
  pair: ContrastPair;
  /** The theme's field to change (a definition's path under `theme`). */
  field: 'primary' | 'accent' | 'surface' | 'background';
  foreground: string;
  background: string;
  /** Rounded down to two decimals, so that a ratio shown as passing passes. */
  ratio: number;
  needed: number;
}

/** Two decimals, rounded down (4.499 is 4.49, not a passing 4.5). */
const floor2 = (n: number) => Math.floor(n * 100) / 100;

/**
 * The pairs of a theme below WCAG AA: body and muted text on the background (each end of a
 * gradient; an image's fallback colour), text on the surface, the on-accent colour on the accent,
 * and the accent as large text on the background (3:1).
 */
export function themeContrastFailures(theme: Theme | ResolvedTheme | undefined): ContrastFailure[] {
  const c = themeColours(theme);
  const checks: Omit<ContrastFailure, 'ratio'>[] = [
    ...c.backgrounds.map((bg) => ({ pair: 'text-on-background' as const, field: 'primary' as const, foreground: c.text, background: bg, needed: 4.5 })),
    ...c.backgrounds.map((bg) => ({ pair: 'muted-on-background' as const, field: 'primary' as const, foreground: c.muted, background: bg, needed: 4.5 })),
    { pair: 'text-on-surface', field: 'surface', foreground: c.surfaceText, background: c.surface, needed: 4.5 },
    { pair: 'on-accent-on-accent', field: 'accent', foreground: c.onAccent, background: c.accent, needed: 4.5 },
    ...c.backgrounds.map((bg) => ({ pair: 'accent-on-background' as const, field: 'accent' as const, foreground: c.accent, background: bg, needed: 3 })),
  ];
  const failures: ContrastFailure[] = [];
  for (const check of checks) {
    const ratio = floor2(contrastRatio(check.foreground, check.background));
    if (ratio < check.needed && !failures.some((f) => f.pair === check.pair)) failures.push({ ...check, ratio });
  }
  return failures;
}

const pairWords: Record<ContrastPair, [string, string]> = {
  'text-on-background': ['text', 'background'],
  'muted-on-background': ['muted text', 'background'],
  'text-on-surface': ['text', 'surface'],
  'on-accent-on-accent': ['text on the accent', 'accent'],
  'accent-on-background': ['accent (large text)', 'background'],
};

/**
 * The problem's message (English, as the server's are; shared/problem-text.ts has its Persian):
 * `too little contrast (WCAG AA): text #777777 on background #888888 is 1.3:1, needs at least 4.5:1`.
 */
export function contrastMessage(f: ContrastFailure): string {
  const [fg, bg] = pairWords[f.pair];
  return `too little contrast (WCAG AA): ${fg} ${f.foreground} on ${bg} ${f.background} is ${f.ratio}:1, needs at least ${f.needed}:1`;
}
