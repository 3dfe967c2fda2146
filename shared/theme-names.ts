/** The names a theme may choose from (shared/theme.ts has the types, theme-schema.ts checks them). */

export const ThemePresets = ['evening', 'civic', 'daylight'] as const;

/**
 * Bundled, openly licensed faces (SIL Open Font License; nothing is loaded from outside):
 * Vazirmatn (Persian and Latin, the default), Noto Naskh Arabic (a Persian naskh), Inter (Latin).
 * client/app.css has their font-family lists (--font-<fa>-<en>); client/main.ts imports their files.
 */
export const PersianFaces = ['vazirmatn', 'noto-naskh-arabic'] as const;
export const LatinFaces = ['vazirmatn', 'inter'] as const;
