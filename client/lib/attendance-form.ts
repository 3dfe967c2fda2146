import type { Attendance } from '../../shared/ceremony';
import type { AttendanceMessageKey } from './i18n-attendance';

export type AttendanceStatus = Attendance['status'];

/** The choices of an attendance control, in the order shown, with their words (i18n-attendance.ts). */
export const attendanceChoices: readonly { status: AttendanceStatus; label: AttendanceMessageKey }[] = [
  { status: 'present', label: 'attPresent' },
  { status: 'absent', label: 'attAbsent' },
  { status: 'remote', label: 'attRemote' },
  { status: 'on_behalf', label: 'attOnBehalf' },
];

/** What a control edits: the status and, for on behalf, who accepts in each language. */
export interface AttendanceForm {
  status: AttendanceStatus;
  fa: string;
  en: string;
}

export function attendanceForm(attendance: Attendance | undefined): AttendanceForm {
  if (attendance?.status === 'on_behalf') return { status: 'on_behalf', fa: attendance.acceptedBy.fa ?? '', en: attendance.acceptedBy.en ?? '' };
  return { status: attendance?.status ?? 'present', fa: '', en: '' };
}

/**
 * The attendance a form says; null when it is "on behalf" with no name in either language (the
 * control says so and sends nothing). A language left blank is left out.
 */
export function attendanceOf(form: AttendanceForm): Attendance | null {
  if (form.status !== 'on_behalf') return { status: form.status };
  const fa = form.fa.trim();
  const en = form.en.trim();
  if (!fa && !en) return null;
  return { status: 'on_behalf', acceptedBy: { ...(fa ? { fa } : {}), ...(en ? { en } : {}) } };
}

/** Whether two attendances say the same (none is present). */
export function sameAttendance(a: Attendance | undefined | null, b: Attendance | undefined | null): boolean {
  return JSON.stringify(attendanceOf(attendanceForm(a ?? undefined))) === JSON.stringify(attendanceOf(attendanceForm(b ?? undefined)));
}
