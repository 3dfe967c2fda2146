import type { RevealedEntry } from './cues';
import { pickText, type Language } from './text';

/**
 * What a screen says with a reveal about a recipient who is not there to receive the prize:
 * absent, accepted on their behalf (by whom), or joining remotely. Null when present (or unsaid).
 * The names are returned apart, so a screen can isolate each in its own direction (bdi).
 */
export type AttendanceNote =
  | { kind: 'absent'; text: string }
  | { kind: 'remote'; text: string }
  | { kind: 'on_behalf'; text: string; acceptedBy: string; recipient: string };

const words = {
  absent: { fa: 'در مراسم حضور ندارد', en: 'Not present at the ceremony' },
  remote: { fa: 'از راه دور در مراسم است', en: 'Joining remotely' },
  /** {by} and {name} are filled by the screen, each isolated. */
  onBehalf: { fa: '{by} به نمایندگی از {name} دریافت می‌کند', en: 'Accepted by {by} on behalf of {name}' },
} as const;

export function attendanceNote(entry: RevealedEntry, lang: Language): AttendanceNote | null {
  const attendance = entry.attendance;
  if (!attendance || attendance.status === 'present') return null;
  if (attendance.status === 'absent') return { kind: 'absent', text: words.absent[lang] };
  if (attendance.status === 'remote') return { kind: 'remote', text: words.remote[lang] };
  return { kind: 'on_behalf', text: words.onBehalf[lang], acceptedBy: pickText(attendance.acceptedBy, lang), recipient: pickText(entry.recipient.name, lang) };
}

/** The note as one plain string (a screen reader's announcement, the as-run log). */
export function attendancePlain(entry: RevealedEntry, lang: Language): string | null {
  const note = attendanceNote(entry, lang);
  if (!note) return null;
  return note.kind === 'on_behalf' ? note.text.replace('{by}', note.acceptedBy).replace('{name}', note.recipient) : note.text;
}
