import { messages, translator, type MessageKey, type Messages, type Translate } from './i18n';

/** The strings of the seal (S31): the verify page, the results page's seal, the stage's line, the console's control. Keys never repeat the base dictionary's. */
const sealMessages = {
  sealTitle: { fa: 'مهر و موم نتایج', en: 'Seal of the results' },
  sealNotYet: { fa: 'نتایج هنوز مهر و موم نشده است.', en: 'The results have not been sealed yet.' },
  sealNeverSealed: { fa: 'نتایج این مراسم پیش از اجرا مهر و موم نشده است؛ چیزی برای بررسی نیست.', en: 'The results of this ceremony were not sealed before the show: there is nothing to check.' },
  sealedAtBy: { fa: 'مهر و موم شده در {time} به دست {name}', en: 'Sealed at {time} by {name}' },
  sealNumber: { fa: 'مهر شمارهٔ {no}', en: 'Seal no. {no}' },
  sealedAgain: { fa: 'دوباره مهر و موم شده', en: 'sealed again' },
  sealRoot: { fa: 'ریشهٔ مهر', en: 'Seal root' },
  sealRootHelp: { fa: 'یک چکیدهٔ SHA-256 از همهٔ تعهدها؛ پیش از نخستین اعلام منتشر شده است.', en: 'One SHA-256 hash of every commitment, published before the first reveal.' },
  copyRoot: { fa: 'رونوشت ریشه', en: 'Copy the root' },
  copied: { fa: 'رونوشت شد', en: 'Copied' },
  verifyLink: { fa: 'بررسی مهر', en: 'Check the seal' },
  stageSealed: { fa: 'نتایج مهر و موم شده', en: 'Results sealed' },
  // The console's control.
  sealButton: { fa: 'مهر و موم کردن نتایج', en: 'Seal the results' },
  sealAgainButton: { fa: 'مهر و موم دوباره', en: 'Seal again' },
  sealConfirmTitle: { fa: 'نتایج مهر و موم شود؟', en: 'Seal the results?' },
  sealConfirmBody: {
    fa: 'برای هر اعلام یک تعهد (چکیدهٔ نتیجه با نمکی مخفی) ساخته و همین حالا منتشر می‌شود. هر اعلام در اجرای زنده نمک خود را همراه دارد تا هر کسی بتواند آن را با این مهر بسنجد. پس از شروع اجرا دیگر نمی‌توان مهر کرد.',
    en: 'A commitment (a hash of the result with a secret salt) is made for every reveal and published now. Each reveal of the live run carries its salt, so anyone can check it against this seal. Once the show has begun, the results can no longer be sealed.',
  },
  sealConfirmLabel: { fa: 'مهر و موم نتایج نسخهٔ {version}', en: 'Seal the results of version {version}' },
  cancel: { fa: 'انصراف', en: 'Cancel' },
  sealChanged: { fa: 'نتایج پس از مهر تغییر کرده است: دوباره مهر و موم کنید.', en: 'The results changed since the seal: seal again.' },
  sealChangedLive: { fa: 'نتایج این بخش‌ها پس از مهر اصلاح شد و نشان داده می‌شود: {categories}', en: 'These categories were corrected after the seal, and are shown as such: {categories}' },
  sealLocked: { fa: 'اجرا آغاز شده است: مهر پیش از اجرا پابرجاست.', en: 'The show has begun: the seal made before it stands.' },
  sealDone: { fa: 'نتایج مهر و موم شد.', en: 'The results are sealed.' },
  sealForbidden: { fa: 'نقش شما اجازهٔ مهر و موم ندارد؛ مسئول نتایج یا تهیه‌کننده مهر می‌کند.', en: 'Your role may not seal the results: a results officer or a producer seals.' },
  sealMissing: { fa: 'نتیجهٔ این بخش‌ها هنوز وارد نشده است: {categories}', en: 'These categories have no result entered yet: {categories}' },
  sealRefused: { fa: 'مهر و موم انجام نشد: {message}', en: 'Not sealed: {message}' },
  // The verify page.
  verifyTitle: { fa: 'بررسی مهر نتایج', en: 'Check the seal of the results' },
  verifyIntro: {
    fa: 'پیش از مراسم، برای هر اعلام یک تعهد منتشر شد. هر اعلام نمک مخفی خود را آشکار می‌کند؛ این صفحه در همین مرورگر چکیدهٔ هر نتیجهٔ اعلام‌شده را دوباره می‌سازد و با تعهد منتشرشده می‌سنجد.',
    en: 'Before the ceremony, a commitment was published for every reveal. Each reveal discloses its secret salt; this page recomputes, in this browser, the hash of every announced result and compares it with the published commitment.',
  },
  verdictMatch: { fa: 'مطابق است', en: 'matches' },
  verdictMismatch: { fa: 'مطابق نیست', en: 'does not match' },
  verdictRetracted: { fa: 'پس گرفته شد', en: 'retracted' },
  verdictCorrected: { fa: 'پس از مهر اصلاح شد', en: 'corrected after sealing' },
  verdictNotRevealed: { fa: 'هنوز اعلام نشده', en: 'not yet revealed' },
  chooseProofFile: { fa: 'انتخاب فایل سند…', en: 'Choose a proof file…' },
  withdrawnOnce: { fa: 'پیش‌تر یک بار اعلام و پس گرفته شد', en: 'revealed and retracted once before' },
  withdrawnBefore: { fa: 'پیش‌تر {count} بار اعلام و پس گرفته شد', en: 'revealed and retracted {count} times before' },
  rootMatches: { fa: 'ریشه با تعهدها مطابق است', en: 'The root matches the commitments' },
  rootMismatch: { fa: 'ریشه با تعهدها مطابق نیست', en: 'The root does not match the commitments' },
  verifySummary: { fa: '{matched} از {shown} نتیجهٔ اعلام‌شده با مهر مطابق است؛ {pending} اعلام هنوز مانده است.', en: '{matched} of {shown} announced results match the seal; {pending} reveals are still to come.' },
  verifyProblems: { fa: '{count} نتیجه مطابق نیست.', en: '{count} results do not match.' },
  verifyNotes: { fa: '{retracted} پس گرفته و {corrected} پس از مهر اصلاح شده است.', en: '{retracted} retracted, {corrected} corrected after sealing.' },
  verifyCue: { fa: 'اعلام', en: 'Reveal' },
  verifyCommitment: { fa: 'تعهد', en: 'Commitment' },
  verifyVerdict: { fa: 'نتیجهٔ بررسی', en: 'Check' },
  downloadProof: { fa: 'دریافت سند مهر', en: 'Download proof' },
  checkProofFile: { fa: 'بررسی یک فایل سند', en: 'Check a proof file' },
  proofFileHelp: { fa: 'فایل سند (JSON) را برگزینید: بدون هیچ ارتباطی با شبکه بررسی می‌شود.', en: 'Choose a proof file (JSON): it is checked with no network at all.' },
  proofFileBad: { fa: 'این فایل سند مهر پودیوم نیست.', en: 'This file is not a Podium seal proof.' },
  proofFromServer: { fa: 'بررسی‌شده با داده‌های کارساز، در {time}', en: 'Checked against the server’s data at {time}' },
  proofFromFile: { fa: 'بررسی‌شده از فایل «{name}»، بدون شبکه', en: 'Checked from the file “{name}”, without the network' },
  checkAgain: { fa: 'بررسی دوباره از کارساز', en: 'Check again from the server' },
  algorithmTitle: { fa: 'روش محاسبه', en: 'How it is computed' },
  backToResults: { fa: 'بازگشت به نتایج', en: 'Back to the results' },
} as const satisfies Messages & Partial<Record<MessageKey, never>>;

export const sealDictionary = { ...messages, ...sealMessages };
export type SealMessageKey = keyof typeof sealDictionary;

export const t: Translate<typeof sealDictionary> = translator(sealDictionary);
