/**
 * A ceremony's look on the stage, the overlay, the audience page and the certificates: set in the
 * studio, public (it is in the public ceremony). Every field may be left out: a preset gives the
 * rest (resolveTheme). The screens read it as CSS custom properties (themeVariables).
 */

export const ThemePresets = ['evening', 'civic', 'daylight'] as const;
export type ThemePreset = (typeof ThemePresets)[number];

/** Bundled, openly licensed faces (nothing is loaded from outside): only Vazirmatn is bundled so far. */
export const PersianFaces = ['vazirmatn'] as const;
export const LatinFaces = ['vazirmatn'] as const;
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
  /** A night at the theatre: deep blue, gold. */
  evening: {
    preset: 'evening',
    mode: 'dark',
    primary: '#ffffff',
    accent: '#ffd166',
    surface: '#141b33',
    background: { kind: 'gradient', from: '#0b1020', to: '#1b2550', angle: 160 },
    faceFa: 'vazirmatn',
    faceEn: 'vazirmatn',
  },
  /** A government award: dark green, white and a restrained gold. */
  civic: {
    preset: 'civic',
    mode: 'dark',
    primary: '#ffffff',
    accent: '#e9c46a',
    surface: '#0f3b2e',
    background: { kind: 'gradient', from: '#06281f', to: '#0d4a39', angle: 180 },
    faceFa: 'vazirmatn',
    faceEn: 'vazirmatn',
  },
  /** A daytime hall: light, ink and a deep red. */
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
