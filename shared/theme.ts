import { z } from 'zod';

/**
 * A ceremony's look on the stage, the overlay, the audience page and the certificates: set in the
 * studio, public (it is in the public ceremony). Every field may be left out: a preset gives the
 * rest (resolveTheme). The screens read it as CSS custom properties (themeVariables).
 */

const Colour = z.string().regex(/^#[0-9a-f]{6}$/i, 'expected a colour as #rrggbb');
/** An uploaded image (the same rule as ImageIdSchema in ceremony.ts, which imports this file). */
const Image = z.string().regex(/^[0-9a-f]{64}$/, 'expected the id of an uploaded image (64 hex digits)');

export const ThemePresets = ['evening', 'civic', 'daylight'] as const;
export type ThemePreset = (typeof ThemePresets)[number];

/** Bundled, openly licensed faces (nothing is loaded from outside). */
export const PersianFaces = ['vazirmatn', 'noto-naskh-arabic'] as const;
export const LatinFaces = ['vazirmatn', 'inter', 'noto-serif'] as const;
export type PersianFace = (typeof PersianFaces)[number];
export type LatinFace = (typeof LatinFaces)[number];

export const ThemeBackgroundSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('colour'), colour: Colour }).strict(),
  z.object({ kind: z.literal('gradient'), from: Colour, to: Colour, angle: z.int().min(0).max(360).optional() }).strict(),
  /** `colour`: shown while the image loads, and the colour the contrast is checked against. */
  z.object({ kind: z.literal('image'), image: Image, colour: Colour }).strict(),
]);

export const ThemeSchema = z
  .object({
    preset: z.enum(ThemePresets).optional().meta({ description: 'The built-in theme the others fields change (default: evening).' }),
    mode: z.enum(['dark', 'light']).optional(),
    logo: Image.optional().meta({ description: "The award's logo, on the stage's idle screen, the overlay and the certificates." }),
    primary: Colour.optional().meta({ description: 'The text colour on the background.' }),
    accent: Colour.optional().meta({ description: 'Places, highlights, the winner.' }),
    surface: Colour.optional().meta({ description: 'Cards and bands (the lower third).' }),
    background: ThemeBackgroundSchema.optional(),
    faceFa: z.enum(PersianFaces).optional(),
    faceEn: z.enum(LatinFaces).optional(),
  })
  .strict()
  .meta({ id: 'Theme' });

export type Theme = z.infer<typeof ThemeSchema>;
export type ThemeBackground = z.infer<typeof ThemeBackgroundSchema>;

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
