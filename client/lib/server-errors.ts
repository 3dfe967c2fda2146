import type { Language } from '../../shared/text';
import { ApiError } from './api';

/** A refusal as the server said it: its stable code, and its own (English) words. */
export interface ServerError {
  code: string;
  message: string;
}

/** Any failure of a request, as a code and the server's words (`network` when no answer came). */
export function serverError(error: unknown): ServerError {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  return { code: 'network', message: error instanceof Error ? error.message : String(error) };
}

type Words = { fa: string; en: string };

/** What each refusal means, in the console's language: one mapping for every panel (S29, S30, S31). */
const byCode: Record<string, Words> = {
  unauthorized: { fa: 'نشست شما پایان یافته است؛ دوباره وارد شوید.', en: 'Your session has ended; sign in again.' },
  forbidden: { fa: 'نقش شما اجازهٔ این کار را نمی‌دهد.', en: 'Your role does not allow this.' },
  second_key_required: { fa: 'این کار تأیید نفر دوم می‌خواهد (دو کلید)؛ چیزی تغییر نکرد.', en: 'This needs a second person’s confirmation (two keys); nothing changed.' },
  second_person_required: { fa: 'تأیید باید از کس دیگری باشد، نه درخواست‌کننده.', en: 'The confirmation must come from someone other than the person who asked.' },
  approval_expired: { fa: 'زمان این درخواست گذشته است؛ دوباره درخواست کنید.', en: 'This request has expired; ask again.' },
  approval_decided: { fa: 'این درخواست پیش‌تر تأیید یا رد شده است.', en: 'This request was already confirmed or refused.' },
  cue_mismatch: { fa: 'گام بعدی در این فاصله تغییر کرده است؛ کاری انجام نشد.', en: 'The next cue changed in the meantime; nothing was done.' },
  definition_changed: { fa: 'نتایج در این فاصله تغییر کرده‌اند؛ کاری انجام نشد. پیش‌نمایش تازه را ببینید.', en: 'The results changed in the meantime; nothing was done. Check the new preview.' },
  conflict: { fa: 'کار دیگری هم‌زمان ثبت شد؛ وضعیت را بررسی کنید.', en: 'Something else was recorded at the same time; check the state.' },
  rate_limited: { fa: 'درخواست‌ها بیش از حد سریع‌اند؛ لحظه‌ای صبر کنید.', en: 'Too many requests; wait a moment.' },
  not_found: { fa: 'این مورد پیدا نشد.', en: 'Not found.' },
  unknown_ceremony: { fa: 'این مراسم پیدا نشد.', en: 'This ceremony was not found.' },
  unknown_run: { fa: 'این اجرا پیدا نشد.', en: 'This run was not found.' },
  unknown_cue: { fa: 'این گام در برنامه اجرا نیست.', en: 'That cue is not in the run of show.' },
  already_revealed: { fa: 'این بخش اعلام شده است؛ نخست اعلام را پس بگیرید.', en: 'This category has been revealed: retract it first.' },
  nothing_to_retract: { fa: 'اعلامی برای پس گرفتن وجود ندارد.', en: 'There is no reveal to retract.' },
  not_a_reveal_cue: { fa: 'گام بعدی اعلام نتیجه نیست؛ فقط اعلام را می‌توان آماده کرد.', en: 'The next cue is not a reveal: only a reveal can be armed.' },
  already_done: { fa: 'این کار پیش‌تر انجام شده است؛ چیزی تغییر نکرد.', en: 'That is already done; nothing changed.' },
  on_hold: { fa: 'مراسم متوقف است؛ پیش از اجرا «ادامه» را بزنید.', en: 'The ceremony is on hold: resume before GO.' },
  too_many_screens: { fa: 'این اجرا بیش از این صفحه نمی‌پذیرد.', en: 'This run admits no more screens.' },
  invalid_run_file: { fa: 'این پرونده، پروندهٔ اجرای درستی نیست.', en: 'This is not a valid run file.' },
  internal: { fa: 'خطایی در کارساز رخ داد.', en: 'The server had an error.' },
  network: { fa: 'پاسخی از کارساز نرسید؛ اتصال را بررسی کنید.', en: 'No answer from the server; check the connection.' },
};

const other: Words = { fa: 'کارساز این درخواست را نپذیرفت.', en: 'The server refused this request.' };

/** The main line for a refusal, in the page's language; never the raw code. */
export function serverErrorText(lang: Language, code: string): string {
  return (byCode[code] ?? other)[lang];
}

/** Whether the code has its own sentence (else the server's words are worth showing as a detail). */
export function knownErrorCode(code: string): boolean {
  return code in byCode;
}
