import type { Messages, Translate } from './i18n';
import { translator } from './i18n';
import { studioDictionary, type StudioMessageKey } from './i18n-studio';

/** The strings of the studio's Theme page (presets, colours, background, logo, faces, the contrast check). */
const themeMessages = {
  sectionPreset: { fa: 'طرح آماده', en: 'Built-in theme' },
  presetHelp: { fa: 'یکی را برگزینید و سپس اگر خواستید رنگ‌ها را تغییر دهید.', en: 'Choose one, then change its colours if you wish.' },
  presetEvening: { fa: 'شامگاه', en: 'Evening' },
  presetEveningAbout: { fa: 'تیره با طلایی، برای شب مراسم', en: 'Dark with gold, for an evening show' },
  presetCivic: { fa: 'رسمی', en: 'Civic' },
  presetCivicAbout: { fa: 'آبی سیر و فیروزه‌ای با سفید، برای جایزه‌ای دولتی', en: 'Deep blue and teal with white, for a government award' },
  presetDaylight: { fa: 'روز', en: 'Daylight' },
  presetDaylightAbout: { fa: 'روشن با جوهری و زرشکی، برای تالار روشن', en: 'Light, ink and deep red, for a bright hall' },
  sectionColours: { fa: 'رنگ‌ها', en: 'Colours' },
  colourPrimary: { fa: 'رنگ متن', en: 'Text colour' },
  colourAccent: { fa: 'رنگ تأکید (رتبه‌ها و برگزیده)', en: 'Accent (places and the winner)' },
  colourSurface: { fa: 'رنگ کارت‌ها و نوارها', en: 'Cards and bands' },
  colourHex: { fa: '{name}، به شکل ‎#rrggbb', en: '{name}, as #rrggbb' },
  colourHexInvalid: { fa: 'رنگ باید به شکل ‎#rrggbb باشد، مانند ‎#0a2342', en: 'A colour is written #rrggbb, like #0a2342' },
  mode: { fa: 'حالت', en: 'Mode' },
  modeDark: { fa: 'تیره', en: 'Dark' },
  modeLight: { fa: 'روشن', en: 'Light' },
  sectionBackground: { fa: 'پس‌زمینه', en: 'Background' },
  backgroundColour: { fa: 'یک رنگ', en: 'A colour' },
  backgroundGradient: { fa: 'گرادیان', en: 'A gradient' },
  backgroundImage: { fa: 'تصویر', en: 'An image' },
  backgroundFill: { fa: 'رنگ پس‌زمینه', en: 'Background colour' },
  gradientFrom: { fa: 'رنگ آغاز', en: 'From' },
  gradientTo: { fa: 'رنگ پایان', en: 'To' },
  imageFallback: { fa: 'رنگ زیر تصویر (تا بارگذاری، و برای سنجش تضاد)', en: 'Colour under the image (while it loads, and for the contrast check)' },
  backgroundImageLabel: { fa: 'تصویر پس‌زمینه', en: 'Background image' },
  imageNeeded: { fa: 'تصویری برگزینید یا بارگذاری کنید؛ تا آن زمان پس‌زمینه ذخیره نمی‌شود.', en: 'Choose or upload an image; until then the background is not saved.' },
  imagesInCeremony: { fa: 'تصویرهای همین مراسم', en: 'Images of this ceremony' },
  useImage: { fa: 'به‌کار بردن این تصویر', en: 'Use this image' },
  sectionLogo: { fa: 'نشان جایزه', en: "The award's logo" },
  logoLabel: { fa: 'نشان', en: 'Logo' },
  logoHelp: { fa: 'در صفحهٔ آغاز نمایش، روکش پخش و بالای هر گواهی.', en: 'On the stage before the show, on the overlay and at the top of each certificate.' },
  sectionFaces: { fa: 'قلم‌ها', en: 'Typefaces' },
  faceFa: { fa: 'قلم فارسی', en: 'Persian typeface' },
  faceEn: { fa: 'قلم لاتین', en: 'Latin typeface' },
  facesHelp: { fa: 'همه همراه پادیوم‌اند (با پروانهٔ آزاد)؛ چیزی از بیرون بارگذاری نمی‌شود.', en: 'All are bundled with Podium (openly licensed); nothing is loaded from outside.' },
  // A specimen of each script, the same in both languages (each shown in its own face).
  faceSampleFa: { fa: 'برگزیدهٔ جایزه ۱۴۰۳', en: 'برگزیدهٔ جایزه ۱۴۰۳' },
  faceSampleEn: { fa: 'Winner of the award 2024', en: 'Winner of the award 2024' },
  sectionPreview: { fa: 'پیش‌نمایش و سنجش تضاد', en: 'Preview and contrast check' },
  previewTitle: { fa: 'عنوان مراسم', en: 'Ceremony title' },
  previewMuted: { fa: 'تاریخ و محل، متن کم‌رنگ', en: 'Date and venue, muted text' },
  previewCard: { fa: 'کارت برگزیده', en: 'Winner card' },
  previewPlace: { fa: 'رتبه اول', en: '1st place' },
  contrastPasses: { fa: 'همهٔ متن‌ها تضاد کافی دارند (WCAG AA)؛ طرح در پیش‌نویس نگه داشته می‌شود.', en: 'All text has enough contrast (WCAG AA); the theme goes into the draft.' },
  contrastFails: { fa: 'این طرح ذخیره نشد: تا وقتی تضادش کافی نیست، پیش‌نویس همان طرح پیشین را نگه می‌دارد.', en: 'This theme is not saved: until its contrast passes, the draft keeps the previous theme.' },
} as const satisfies Messages & Partial<Record<StudioMessageKey, never>>;

export const themeDictionary = { ...studioDictionary, ...themeMessages };
export type ThemeMessageKey = keyof typeof themeDictionary;

export const t: Translate<typeof themeDictionary> = translator(themeDictionary);
