import { messages, translator, type MessageKey, type Messages, type Translate } from './i18n';

/**
 * The strings of a recipient's attendance (S34): the console's control in the next cue's preview,
 * and the studio's field beside each result. What the screens say with the reveal is in
 * shared/attendance-text.ts. Keys never repeat the base dictionary's.
 */
const attendanceMessages = {
  attTitle: { fa: 'حضور برگزیده', en: 'Attendance' },
  attFor: { fa: 'حضور · {name}', en: 'Attendance · {name}' },
  attPresent: { fa: 'حاضر', en: 'Present' },
  attAbsent: { fa: 'غایب', en: 'Absent' },
  attRemote: { fa: 'از راه دور', en: 'Joining remotely' },
  attOnBehalf: { fa: 'دریافت به نمایندگی', en: 'Accepted on behalf' },
  attAcceptedBy: { fa: 'دریافت‌کننده به نمایندگی', en: 'Accepted by' },
  attAcceptedByFa: { fa: 'دریافت‌کننده (فارسی)', en: 'Accepted by (Persian)' },
  attAcceptedByEn: { fa: 'دریافت‌کننده (انگلیسی)', en: 'Accepted by (English)' },
  attAcceptedByFor: { fa: '{field} · {name}', en: '{field} · {name}' },
  attSave: { fa: 'ثبت حضور', en: 'Save attendance' },
  attSaving: { fa: 'در حال ثبت…', en: 'Saving…' },
  attSaved: { fa: 'ثبت شد؛ فقط همراه اعلام نشان داده می‌شود.', en: 'Saved: shown with the reveal only.' },
  attUnchanged: { fa: 'تغییری نیست.', en: 'No change.' },
  attNameNeeded: { fa: 'نام دریافت‌کننده را دست‌کم به یک زبان بنویسید.', en: 'Write who accepts, in at least one language.' },
  attHint: { fa: 'پیش از اعلام هیچ صفحهٔ عمومی آن را نمی‌بیند؛ همراه اعلام نشان داده می‌شود.', en: 'No public screen has it before the reveal; it is shown with the reveal.' },
  attRefused: { fa: 'حضور ثبت نشد:', en: 'The attendance was not saved:' },
  attAlreadyRevealed: { fa: 'این اعلام نشان داده شده است؛ حضور آن دیگر تغییر نمی‌کند.', en: 'This reveal has been shown: its attendance can no longer change.' },
  attChanged: { fa: 'نتایج در این فاصله تغییر کرده است؛ پیش‌نمایش تازه را ببینید و دوباره ثبت کنید.', en: 'The results changed in the meantime: check the new preview and save again.' },
  // The audit log: its own kind of version, never called a correction.
  attAuditEvent: { fa: 'تغییر حضور برگزیده', en: 'Attendance changed' },
  // The studio.
  attStudioLegend: { fa: 'حضور در مراسم · {row}', en: 'At the ceremony · {row}' },
} as const satisfies Messages & Partial<Record<MessageKey, never>>;

export const attendanceDictionary = { ...messages, ...attendanceMessages };
export type AttendanceMessageKey = keyof typeof attendanceDictionary;

export const t: Translate<typeof attendanceDictionary> = translator(attendanceDictionary);
