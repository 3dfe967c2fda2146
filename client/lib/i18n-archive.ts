import { messages, translator, type MessageKey, type Messages, type Translate } from './i18n';

/** The strings of the archive pages: the public results page and the certificates. Keys never repeat those of the dictionaries it extends. */
const archiveMessages = {
  resultsPageTitle: { fa: 'نتایج {ceremony}', en: 'Results: {ceremony}' },
  resultsFinal: { fa: 'نتایج نهایی مراسم', en: 'The final results of the ceremony' },
  resultsSoFar: { fa: 'نتایجی که تاکنون اعلام شده است؛ مراسم هنوز ادامه دارد.', en: 'The results announced so far; the ceremony is still under way.' },
  resultsNone: { fa: 'هنوز نتیجه‌ای اعلام نشده است.', en: 'No result has been announced yet.' },
  resultsCategoryPending: { fa: 'نتایج این بخش هنوز اعلام نشده است.', en: 'The results of this category have not been announced yet.' },
  scanForResults: { fa: 'برای دیدن نتایج، کد را اسکن کنید', en: 'Scan to see the results' },
  resultsQrAlt: { fa: 'کد QR پیوند صفحه نتایج', en: 'QR code of the results page link' },
  downloadCsv: { fa: 'دریافت CSV', en: 'Download CSV' },
  downloadJson: { fa: 'دریافت JSON', en: 'Download JSON' },
  print: { fa: 'چاپ', en: 'Print' },
  certificatesCount: { fa: '{count} گواهی، هر کدام یک صفحه', en: '{count} certificates, one page each' },
  certificatesHelp: { fa: 'برای ساختن PDF، «چاپ» را بزنید و «ذخیره به‌صورت PDF» را برگزینید.', en: 'To make a PDF, press Print and choose “Save as PDF”.' },
  certificatesNone: { fa: 'هنوز نتیجه‌ای اعلام نشده است؛ گواهی‌ها از نتایج اعلام‌شده ساخته می‌شوند.', en: 'No result has been announced yet; certificates are made from announced results.' },
  certificatesSoFar: { fa: 'مراسم هنوز ادامه دارد: فقط نتایج اعلام‌شده گواهی دارند.', en: 'The ceremony is still under way: only announced results have certificates.' },
  certificatesSignIn: { fa: 'گواهی‌ها برای میز فرمان است. رمز ورود را وارد کنید.', en: 'Certificates are for the operator. Enter the operator passcode.' },
  certificateDefault: { fa: 'لوح تقدیر', en: 'Certificate' },
  certificatePresentedTo: { fa: 'تقدیم به', en: 'Presented to' },
  certificateFor: { fa: 'برای «{entry}»', en: 'for “{entry}”' },
  certificatePlace: { fa: 'به پاس کسب {place} در «{category}»', en: 'for winning {place} in “{category}”' },
  certificateWinner: { fa: 'به پاس برگزیده شدن در «{category}»', en: 'as the winner of “{category}”' },
  certificateMentionHeading: { fa: 'تقدیر', en: 'Honourable mention' },
  certificateNumber: { fa: 'شمارهٔ گواهی', en: 'Certificate no.' },
  certificateLogoAlt: { fa: 'نشان جایزه', en: 'The award’s logo' },
  certificateSignatureChair: { fa: 'رئیس هیئت داوران', en: 'Chair of the jury' },
  certificateSignatureSecretary: { fa: 'دبیر جایزه', en: 'Secretary of the award' },
  certificateMention: { fa: 'به پاس شایستگی تقدیر در «{category}»', en: 'for an honourable mention in “{category}”' },
} as const satisfies Messages & Partial<Record<MessageKey, never>>;

export const archiveDictionary = { ...messages, ...archiveMessages };
export type ArchiveMessageKey = keyof typeof archiveDictionary;

export const t: Translate<typeof archiveDictionary> = translator(archiveDictionary);
