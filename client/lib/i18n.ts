import type { Language } from '../../shared/text';
import { nameParts } from './phrase';

/** A dictionary: every string of some screens, in both languages. `{name}` marks a value filled in by `t`. */
export type Messages = Record<string, Record<Language, string>>;

/** `t` over a dictionary: the message in `lang`, with each `{name}` replaced by `values[name]`. */
export type Translate<M extends Messages> = (lang: Language, key: keyof M & string, values?: Record<string, string | number>) => string;

export function translator<M extends Messages>(messages: M): Translate<M> {
  return (lang, key, values = {}) => messages[key]![lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * The strings of the public screens (audience, stage, overlay, messages), loaded with every page.
 * The operator console, the archive pages and the replays add their own dictionaries, loaded with
 * their lazy chunks: `i18n-operator.ts`, `i18n-archive.ts`, `i18n-replay.ts`, each with a `t` of
 * the same shape over its keys and these. A string two of those need lives here.
 * Ceremony content (titles, names) comes from the ceremony itself, never from here.
 */
export const messages = {
  appName: { fa: 'پودیوم', en: 'Podium' },
  switchLanguage: { fa: 'English', en: 'فارسی' },
  switchLanguageLabel: { fa: 'Switch to English', en: 'تغییر زبان به فارسی' },
  loading: { fa: 'در حال بارگذاری…', en: 'Loading…' },
  connecting: { fa: 'در حال اتصال…', en: 'Connecting…' },
  reconnecting: { fa: 'در حال اتصال دوباره…', en: 'Reconnecting…' },
  connected: { fa: 'متصل', en: 'Connected' },
  notFound: { fa: 'این صفحه وجود ندارد.', en: 'This page does not exist.' },
  noCeremony: { fa: 'هنوز مراسمی تعریف نشده است.', en: 'No ceremony has been set up yet.' },
  retry: { fa: 'تلاش دوباره', en: 'Try again' },
  loadFailed: { fa: 'بارگذاری ممکن نشد. دوباره تلاش کنید.', en: 'Could not load. Please try again.' },
  participants: { fa: '{count} {label}', en: '{count} {label}' },
  participantsDefault: { fa: 'شرکت‌کننده', en: 'participants' },
  nowLabel: { fa: 'اکنون', en: 'Now' },
  notStarted: { fa: 'مراسم هنوز آغاز نشده است.', en: 'The ceremony has not started yet.' },
  ended: { fa: 'مراسم به پایان رسید. سپاس از همراهی شما.', en: 'The ceremony has ended. Thank you for joining.' },
  speaker: { fa: 'سخنران', en: 'Speaker' },
  latestReveal: { fa: 'آخرین اعلام', en: 'Latest result' },
  mentions: { fa: 'تقدیرها', en: 'Honourable mentions' },
  winner: { fa: 'برگزیده', en: 'Winner' },
  nominees: { fa: 'نامزدها', en: 'Nominees' },
  notYetAnnounced: { fa: 'هنوز اعلام نشده', en: 'Not yet announced' },
  placeEmpty: { fa: 'بدون {place} جداگانه', en: 'No separate {place}' },
  mentionsNone: { fa: 'بدون تقدیر', en: 'No honourable mentions' },
  results: { fa: 'نتایج', en: 'Results' },
  score: { fa: 'امتیاز {score}', en: 'Score {score}' },
  showChart: { fa: 'نمایش نمودار', en: 'Show chart' },
  hideChart: { fa: 'بستن نمودار', en: 'Hide chart' },
  chartLoading: { fa: 'در حال بارگذاری نمودار…', en: 'Loading the chart…' },
  chartScoreAxis: { fa: 'امتیاز', en: 'Score' },
  chartPlaceAxis: { fa: 'رتبه', en: 'Place' },
  chartCaption: { fa: 'نمودار نتایج اعلام‌شده «{category}»', en: 'Chart of the announced results of “{category}”' },
  correction: { fa: 'اصلاحیه', en: 'Correction' },
  correctionText: { fa: 'اعلام {slot} در «{category}» پس گرفته شد.', en: 'The announcement of {slot} in “{category}” was withdrawn.' },
  correctionReannounced: { fa: 'نتیجه درست دوباره اعلام شد.', en: 'The correct result has since been announced.' },
  holdTitle: { fa: 'لطفاً شکیبا باشید', en: 'Please stand by' },
  holdText: { fa: 'مراسم به‌زودی ادامه می‌یابد.', en: 'The ceremony will continue shortly.' },
  announcement: { fa: 'اطلاعیه', en: 'Announcement' },
  joinVideo: { fa: 'پیوستن به ویدئوکنفرانس', en: 'Join the video conference' },
  scanToFollow: { fa: 'برای دنبال کردن نتایج روی گوشی، کد را اسکن کنید', en: 'Scan to follow the results on your phone' },
  qrAlt: { fa: 'کد QR پیوند صفحه مخاطبان', en: 'QR code of the audience page link' },
  liveReveal: { fa: '{slot}: {names}', en: '{slot}: {names}' },
  liveRevealInCategory: { fa: '{category}، {slot}: {names}', en: '{category}, {slot}: {names}' },
  reactionsTitle: { fa: 'واکنش شما', en: 'Your reaction' },
  reactApplause: { fa: 'تشویق', en: 'Applaud' },
  reactHeart: { fa: 'ابراز علاقه', en: 'Send a heart' },
  reactWow: { fa: 'شگفت‌انگیز', en: 'Wow' },
  personalTitle: { fa: 'سازمان شما اعلام شد', en: 'Your organization has been announced' },
  personalDetail: { fa: '{slot} در «{category}»', en: '{slot} in “{category}”' },
  delegateBadge: { fa: 'پیوند نماینده', en: 'Delegate link' },
  delegateLinkInvalid: {
    fa: 'این پیوند نماینده معتبر نیست. پیوند درست را از برگزارکنندگان بخواهید.',
    en: 'This delegate link is not valid. Ask the organizers for your link.',
  },
  screenLinkInvalid: {
    fa: 'این پیوند نمایشگر معتبر نیست: کلید آن (k=) نیست یا نادرست است. پیوند صحنه یا روی‌تصویر را از کنسول اپراتور بگیرید.',
    en: 'This screen link is not valid: its key (k=) is missing or wrong. Take the stage or overlay link from the operator console.',
  },
  locationLegend: { fa: 'مراسم را از کجا دنبال می‌کنید؟', en: 'Where are you following the ceremony from?' },
  locationHall: { fa: 'در سالن هستم', en: 'I am in the hall' },
  locationRemote: { fa: 'از راه دور', en: 'I am remote' },
  nudgeTitle: { fa: 'پخش زنده را تماشا می‌کنم', en: 'I am watching the stream' },
  nudgeHelp: {
    fa: 'اگر مراسم را با تأخیر می‌بینید، نتایج را به همان اندازه دیرتر نشان دهید تا پیش از اعلام لو نرود.',
    en: 'If your stream runs behind, show results that much later so nothing is spoiled.',
  },
  nudgeLabel: { fa: 'تأخیر من', en: 'My delay' },
  nudgeNone: { fa: 'بدون تأخیر', en: 'No delay' },
  seconds: { fa: '{count} ثانیه', en: '{count} s' },
  channelDelay: { fa: 'این صفحه {seconds} پس از سالن نشان می‌دهد ({channel}).', en: 'This screen shows results {seconds} after the hall ({channel}).' },
  videoWatchHere: { fa: 'تماشای تماس در همین صفحه', en: 'Watch the call here' },
  videoHide: { fa: 'بستن تماس', en: 'Hide the call' },
  videoFrameTitle: { fa: 'ویدئوکنفرانس مراسم', en: 'The ceremony’s video conference' },
  markRehearsal: { fa: 'تمرین', en: 'REHEARSAL' },
  markRehearsalDetail: { fa: 'نام‌ها جایگزین‌اند؛ این مراسم زنده نیست', en: 'Stand-in names: not the live ceremony' },
  markRehearsalReal: { fa: 'تمرین با نتایج واقعی', en: 'REHEARSAL · REAL RESULTS' },
  markRehearsalRealDetail: { fa: 'برندگان واقعی؛ این صفحه را منتشر نکنید', en: 'The real winners: do not share this screen' },
  markReplay: { fa: 'بازپخش', en: 'REPLAY' },
  markReplayDetail: { fa: 'ضبط‌شده؛ پخش زنده نیست', en: 'Recorded: not live' },
  delegateFor: { fa: 'نماینده {name}', en: 'Delegate of {name}' },
  watchAgainLink: { fa: 'تماشای دوباره مراسم', en: 'Watch the ceremony again' },
  passcode: { fa: 'رمز ورود', en: 'Passcode' },
  signIn: { fa: 'ورود', en: 'Sign in' },
  signingIn: { fa: 'در حال ورود…', en: 'Signing in…' },
  unknownCeremony: { fa: 'مراسمی با این شناسه وجود ندارد.', en: 'There is no ceremony with this id.' },
  certificatesTitle: { fa: 'گواهی‌ها', en: 'Certificates' },
} as const satisfies Messages;

export type MessageKey = keyof typeof messages;

export const t: Translate<typeof messages> = translator(messages);

export function dirOf(lang: Language): 'rtl' | 'ltr' {
  return lang === 'fa' ? 'rtl' : 'ltr';
}

/** Joins names as a person would read them: «الف، ب و پ» / "A, B and C". */
export function joinNames(names: readonly string[], lang: Language): string {
  return nameParts(names, lang)
    .map((part) => part.text)
    .join('');
}
