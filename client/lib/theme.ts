import { resolveTheme, type ResolvedTheme, type Theme } from '../../shared/theme';
import { imageUrl } from './image-url';

/**
 * The CSS custom properties a theme gives the stage, the overlay, the audience page and the
 * certificates. Components read only these names (never a theme's fields):
 * --theme-text, --theme-muted, --theme-accent, --theme-on-accent, --theme-surface,
 * --theme-surface-text, --theme-bg (a solid colour), --theme-background (a CSS background),
 * --theme-font (the font-family list), --theme-logo (a url() or none).
 */
export function themeVariables(theme: Theme | ResolvedTheme | undefined): Record<string, string> {
  const t = resolveTheme(theme);
  // The solid colour behind the text: a gradient's start, else the colour (an image's fallback too).
  // shared/contrast.ts themeColours derives the same colours for the check.
  const bg = t.background.kind === 'gradient' ? t.background.from : t.background.colour;
  const background =
    t.background.kind === 'colour'
      ? t.background.colour
      : t.background.kind === 'gradient'
        ? `linear-gradient(${t.background.angle ?? 180}deg, ${t.background.from}, ${t.background.to})`
        : `${t.background.colour} url("${imageUrl(t.background.image)}") center / cover no-repeat`;
  return {
    '--theme-text': t.primary,
    '--theme-muted': `color-mix(in srgb, ${t.primary} 78%, ${bg})`,
    '--theme-accent': t.accent,
    '--theme-on-accent': t.mode === 'dark' ? bg : '#ffffff',
    '--theme-surface': t.surface,
    '--theme-surface-text': t.primary,
    '--theme-bg': bg,
    '--theme-background': background,
    // The faces' font-family lists are in app.css (--font-<fa>-<en>): the audience page's script stays small.
    '--theme-font': `var(--font-${t.faceFa}-${t.faceEn})`,
    '--theme-logo': t.logo ? `url("${imageUrl(t.logo)}")` : 'none',
  };
}

/** The variables as an inline style attribute. */
export function themeStyle(theme: Theme | ResolvedTheme | undefined): string {
  return Object.entries(themeVariables(theme))
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ');
}
