import { z } from 'zod';
import { LatinFaces, PersianFaces, ThemePresets } from './theme-names';
import type { Theme } from './theme';

/**
 * The theme as a definition holds it, checked (shared/theme.ts has the presets and resolveTheme,
 * without zod: the audience page loads those, and must stay small).
 */

const Colour = z.string().regex(/^#[0-9a-f]{6}$/i, 'expected a colour as #rrggbb');
/** An uploaded image (the same rule as ImageIdSchema in ceremony.ts, which imports this file). */
const Image = z.string().regex(/^[0-9a-f]{64}$/, 'expected the id of an uploaded image (64 hex digits)');

export const ThemeBackgroundSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('colour'), colour: Colour }).strict(),
  z.object({ kind: z.literal('gradient'), from: Colour, to: Colour, angle: z.int().min(0).max(360).optional() }).strict(),
  /** `colour`: shown while the image loads, and the colour the contrast is checked against. */
  z.object({ kind: z.literal('image'), image: Image, colour: Colour }).strict(),
]);

export const ThemeSchema = z
  .object({
    preset: z.enum(ThemePresets).optional().meta({ description: 'The built-in theme the other fields change (default: evening).' }),
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

// The checked shape and the hand-written type are the same: a change to one without the other fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameTheme: Same<z.infer<typeof ThemeSchema>, Theme> = true;
