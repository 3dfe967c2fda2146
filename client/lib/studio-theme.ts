import { presetThemes, type ResolvedTheme, type Theme, type ThemeBackground, type ThemePreset } from '../../shared/theme';

/** A colour as the theme holds it. */
export const isHexColour = (value: string): boolean => /^#[0-9a-f]{6}$/i.test(value);

const IMAGE_ID = /^[0-9a-f]{64}$/;

/** The images a draft names already (logos, photos, the theme's): what the Theme page offers to reuse. */
export function imagesOfDraft(definition: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'logo' || key === 'photo' || key === 'image') && typeof inner === 'string' && IMAGE_ID.test(inner)) found.add(inner);
        else walk(inner);
      }
    }
  };
  walk(definition);
  return [...found];
}

/** A preset chosen: its colours, background and mode replace the theme's; the logo and faces stay. */
export function withPreset(theme: Theme, preset: ThemePreset): Theme {
  return { preset, ...(theme.logo ? { logo: theme.logo } : {}), ...(theme.faceFa ? { faceFa: theme.faceFa } : {}), ...(theme.faceEn ? { faceEn: theme.faceEn } : {}) };
}

/**
 * The background of another kind, keeping its colours: a colour is a gradient's start and an
 * image's fallback. An image without one chosen yet is null (the page waits for the image).
 */
export function backgroundOfKind(resolved: ResolvedTheme, kind: ThemeBackground['kind'], image: string | undefined): ThemeBackground | null {
  const bg = resolved.background;
  const solid = bg.kind === 'gradient' ? bg.from : bg.colour;
  const preset = presetThemes[resolved.preset].background;
  if (kind === 'colour') return { kind, colour: solid };
  if (kind === 'gradient') return { kind, from: solid, to: bg.kind === 'gradient' ? bg.to : preset.kind === 'gradient' ? preset.to : solid, angle: bg.kind === 'gradient' ? (bg.angle ?? 180) : 180 };
  return image ? { kind, image, colour: solid } : null;
}
