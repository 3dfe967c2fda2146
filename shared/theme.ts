/**
 * A ceremony's look on the stage, the overlay, the audience page and the certificates: set in the
 * studio, public (it is in the public ceremony). Every field may be left out: a preset gives the
 * rest (resolveTheme). The screens read it as CSS custom properties (themeVariables).
 */

import type { LatinFaces, PersianFaces, ThemePresets } from './theme-names';

// The names' lists are in theme-names.ts (imported here for their types only): what the audience
// page loads of this file is the presets and resolveTheme, nothing more.
export type ThemePreset = (typeof ThemePresets)[number];
export type PersianFace = (typeof PersianFaces)[number];
export type LatinFace = (typeof LatinFaces)[number];

export type ThemeBackground =
  | { kind: 'colour'; colour: string }
  | { kind: 'gradient'; from: string; to: string; angle?: number }
  /** `colour`: shown while the image loads, and the colour the contrast is checked against. */
  | { kind: 'image'; image: string; colour: string };

/** A theme as a definition holds it (checked by theme-schema.ts ThemeSchema): any field may be left out. */
export interface Theme {
  preset?: ThemePreset;
  mode?: 'dark' | 'light';
  logo?: string;
  primary?: string;
  accent?: string;
  surface?: string;
  background?: ThemeBackground;
  faceFa?: PersianFace;
  faceEn?: LatinFace;
}

/** Every field filled in. */
export interface ResolvedTheme {
  preset: ThemePreset;
  mode: 'dark' | 'light';
  logo?: string;
  primary: string;
  accent: string;
  surface: string;
  background: ThemeBackground;
  faceFa: PersianFace;
  faceEn: LatinFace;
}

export const presetThemes: Record<ThemePreset, ResolvedTheme> = {
  /** A night at the theatre: near black, warm ivory and gold. */
  evening: {
    preset: 'evening',
    mode: 'dark',
    primary: '#fbf6e9',
    accent: '#e3b84f',
    surface: '#221c12',
    background: { kind: 'gradient', from: '#0e0c08', to: '#2a2214', angle: 160 },
    faceFa: 'vazirmatn',
    faceEn: 'vazirmatn',
  },
  /** A government award: sober deep blue to teal, white, a light teal for places. */
  civic: {
    preset: 'civic',
    mode: 'dark',
    primary: '#ffffff',
    accent: '#7dd3c8',
    surface: '#12365c',
    background: { kind: 'gradient', from: '#0a2342', to: '#0b3d4f', angle: 180 },
    faceFa: 'vazirmatn',
    faceEn: 'vazirmatn',
  },
  /** A daytime hall: light paper, ink and a deep red. */
  daylight: {
    preset: 'daylight',
    mode: 'light',
    primary: '#161a26',
    accent: '#9b1c31',
    surface: '#ffffff',
    background: { kind: 'colour', colour: '#f4f1ea' },
    faceFa: 'vazirmatn',
    faceEn: 'vazirmatn',
  },
};

export function resolveTheme(theme: Theme | undefined): ResolvedTheme {
  const base = presetThemes[theme?.preset ?? 'evening'];
  const defined = Object.fromEntries(Object.entries(theme ?? {}).filter(([, value]) => value !== undefined));
  return { ...base, ...defined } as ResolvedTheme;
}

