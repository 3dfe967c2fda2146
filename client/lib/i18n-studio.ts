import { messages, translator, type MessageKey, type Messages, type Translate } from './i18n';

/**
 * The studio shell's strings (S32). Each studio page adds its own dictionary
 * (i18n-studio-*.ts); keys never repeat the base dictionary's.
 */
const studioMessages = {
  studioTitle: { fa: 'استودیو', en: 'Studio' },
  studioSignInFirst: { fa: 'برای استودیو نخست در میز فرمان وارد شوید.', en: 'Sign in at the console first to use the studio.' },
  studioToConsole: { fa: 'میز فرمان', en: 'Console' },
  studioTabs: { fa: 'صفحه‌های استودیو', en: 'Studio pages' },
  tabCeremonies: { fa: 'مراسم‌ها', en: 'Ceremonies' },
  tabDetails: { fa: 'مشخصات', en: 'Details' },
  tabTheme: { fa: 'ظاهر', en: 'Theme' },
  tabRunOfShow: { fa: 'برنامهٔ اجرا', en: 'Run of show' },
  tabCategories: { fa: 'بخش‌ها', en: 'Categories' },
  tabOrganizations: { fa: 'سازمان‌ها', en: 'Organizations' },
  tabImport: { fa: 'صفحه‌گسترده', en: 'Spreadsheet' },
  tabCheck: { fa: 'بازبینی', en: 'Check' },
  tabPreview: { fa: 'پیش‌نمایش', en: 'Preview' },
  tabPublish: { fa: 'انتشار', en: 'Publish' },
  saveSaved: { fa: 'پیش‌نویس ذخیره شد', en: 'Draft saved' },
  saveUnsaved: { fa: 'تغییرهای ذخیره‌نشده', en: 'Unsaved changes' },
  saveSaving: { fa: 'در حال ذخیره…', en: 'Saving…' },
  saveConflict: { fa: 'کس دیگری این پیش‌نویس را ذخیره کرده است: دوباره بارگذاری کنید.', en: 'Someone else saved this draft: reload it.' },
  saveFailed: { fa: 'ذخیره نشد؛ دوباره تلاش می‌شود.', en: 'Not saved; it will be tried again.' },
  reloadDraft: { fa: 'بارگذاری دوباره', en: 'Reload' },
  problemCount: { fa: '{count} مشکل', en: '{count} problems' },
  noProblems: { fa: 'بدون مشکل', en: 'No problems' },
  viewOnly: { fa: 'فقط دیدن: نقش شما نمی‌تواند مراسم را ویرایش کند.', en: 'View only: your role may not edit the ceremony.' },
  maskedShape: { fa: 'نتایج پنهان است: نقش شما فقط ساختار مراسم را می‌بیند.', en: 'Results are hidden: your role sees the shape of the ceremony only.' },
  backToList: { fa: 'همهٔ مراسم‌ها', en: 'All ceremonies' },
} as const satisfies Messages & Partial<Record<MessageKey, never>>;

export const studioDictionary = { ...messages, ...studioMessages };
export type StudioMessageKey = keyof typeof studioDictionary;

export const t: Translate<typeof studioDictionary> = translator(studioDictionary);
