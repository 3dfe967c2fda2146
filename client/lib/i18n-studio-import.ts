import type { Messages, Translate } from './i18n';
import { translator } from './i18n';
import { studioDictionary, type StudioMessageKey } from './i18n-studio';

/** The studio's spreadsheet import (S32): results, or whole categories, from .xlsx or .csv. */
const importMessages = {
  importHeading: { fa: 'ورود از صفحه‌گسترده', en: 'Import from a spreadsheet' },
  importIntro: {
    fa: 'نتایج، یا بخش‌ها با نامزدهایشان را از یک فایل Excel (xlsx) یا CSV وارد کنید. پیش از اعمال، هر تغییر و هر مشکل را می‌بینید؛ همه با هم اعمال می‌شود یا هیچ.',
    en: 'Import results, or whole categories with their nominees, from an .xlsx or .csv file. You see every change and every problem before applying: all of it is applied, or nothing.',
  },
  importNotAllowed: { fa: 'ورود از صفحه‌گسترده فقط برای مسئول نتایج و تهیه‌کننده است.', en: 'Importing a spreadsheet is for the results officer and producers only.' },
  importKindLegend: { fa: 'این صفحه‌گسترده چه دارد؟', en: 'What the sheet holds' },
  importKindResults: { fa: 'نتایج بخش‌هایی که در مراسم هست', en: 'Results of the categories the ceremony has' },
  importKindCategories: { fa: 'بخش‌های کامل، با نامزدها و نتایجشان', en: 'Whole categories, with their nominees and results' },
  importTemplates: { fa: 'الگو برای پر کردن:', en: 'A template to fill in:' },
  importTemplateXlsx: { fa: 'الگوی Excel (xlsx)', en: 'Excel template (.xlsx)' },
  importTemplateCsv: { fa: 'الگوی CSV', en: 'CSV template' },
  importFile: { fa: 'فایل صفحه‌گسترده', en: 'Spreadsheet file' },
  importChooseFile: { fa: 'انتخاب فایل…', en: 'Choose a file…' },
  importNoFile: { fa: 'هنوز فایلی انتخاب نشده است.', en: 'No file chosen yet.' },
  importFileHint: { fa: 'فایل Excel (xlsx) یا CSV با UTF-8، تا ۱۰ مگابایت.', en: 'An .xlsx file, or a .csv in UTF-8; up to 10 MB.' },
  importProgress: { fa: 'پیشرفت خواندن فایل', en: 'Reading progress' },
  importUploading: { fa: 'فرستادن فایل… {percent}', en: 'Sending the file… {percent}' },
  importReading: { fa: 'خواندن صفحه‌گسترده روی سرور…', en: 'Reading the spreadsheet on the server…' },
  importWrongType: { fa: 'فقط فایل Excel (xlsx) یا CSV خوانده می‌شود.', en: 'Only an .xlsx or a .csv file can be read.' },
  importUnreadable: { fa: 'این فایل خوانده نشد.', en: 'The file could not be read.' },
  importSheet: { fa: 'برگه', en: 'Sheet' },
  importEmpty: { fa: 'این برگه خالی است.', en: 'This sheet is empty.' },
  importPreview: { fa: 'پیش‌نمایش برگه', en: 'Preview of the sheet' },
  importRow: { fa: 'ردیف', en: 'Row' },
  importProblemsColumn: { fa: 'مشکل', en: 'Problem' },
  importProblemCount: {
    fa: '{count} مشکل: تا همه رفع نشود، چیزی اعمال نمی‌شود. فایل را درست کنید و دوباره انتخاب کنید.',
    en: 'Problems: {count}. Nothing can be applied until every one is fixed: fix the file and choose it again.',
  },
  importReady: { fa: 'بدون مشکل: {count} بخش تغییر می‌کند.', en: 'No problems. Categories that will change: {count}.' },
  importShowing: { fa: '{shown} ردیف از {total} ردیف نشان داده شده است (همهٔ ردیف‌های دارای مشکل در میان آن‌هاست).', en: 'Showing {shown} of {total} rows (every row with a problem among them).' },
  importChanges: { fa: 'تغییرها', en: 'Changes' },
  importChangeCategory: { fa: 'بخش', en: 'Category' },
  importChangeWhat: { fa: 'تغییر', en: 'Change' },
  importChangeBefore: { fa: 'پیش از این', en: 'Before' },
  importChangeAfter: { fa: 'پس از این', en: 'After' },
  importActionCategoryAdded: { fa: 'بخش تازه', en: 'New category' },
  importActionCategoryReplaced: { fa: 'کل بخش جایگزین می‌شود', en: 'Whole category replaced' },
  importActionResultsAdded: { fa: 'نتایج افزوده می‌شود', en: 'Results added' },
  importActionResultsReplaced: { fa: 'نتایج جایگزین می‌شود', en: 'Results replaced' },
  importPlaces: { fa: '{count} رتبه', en: 'places: {count}' },
  importNomineeCount: { fa: '{count} نامزد', en: 'nominees: {count}' },
  importMentions: { fa: '{count} تقدیر', en: 'mentions: {count}' },
  importAddedToRunOfShow: { fa: 'به برنامهٔ اجرا افزوده می‌شود', en: 'Added to the run of show' },
  importApply: { fa: 'اعمال همه', en: 'Apply all' },
  importAnother: { fa: 'انتخاب فایلی دیگر', en: 'Choose another file' },
  importApplied: { fa: 'اعمال شد: {count} بخش تغییر کرد. پیش‌نویس ذخیره می‌شود.', en: 'Applied. Categories changed: {count}. The draft is being saved.' },
} as const satisfies Messages & Partial<Record<StudioMessageKey, never>>;

export const importDictionary = { ...studioDictionary, ...importMessages };
export type ImportMessageKey = keyof typeof importDictionary;

export const t: Translate<typeof importDictionary> = translator(importDictionary);
