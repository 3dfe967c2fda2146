import { translator, type Messages, type Translate } from './i18n';
import { operatorDictionary, type OperatorMessageKey } from './i18n-operator';

/** The strings of two keys (S30) on the console. Keys never repeat those of the dictionaries it extends. */
const keysMessages = {
  twoKeysNeeded: { fa: 'نیاز به تأیید نفر دوم', en: 'Needs a second person' },
  twoKeysNeededText: {
    fa: 'برای این مراسم، این کار را باید شخص دیگری، روی دستگاه دیگری، تأیید کند: به‌جای انجام، درخواست تأیید فرستاده می‌شود.',
    en: 'For this ceremony, someone else, on another device, must confirm this: a request for confirmation is sent instead.',
  },
  askRetract: { fa: 'درخواست تأیید: پس گرفتن {slot} «{category}»', en: 'Ask to retract {slot} of “{category}”' },
  askJump: { fa: 'درخواست تأیید: پرش به «{cue}»', en: 'Ask to jump to “{cue}”' },
  askRealRehearsal: { fa: 'درخواست تأیید تمرین با نتایج واقعی', en: 'Ask for a rehearsal on the real results' },
  approvalsTitle: { fa: 'درخواست‌های تأیید (دو کلید)', en: 'Requests for confirmation (two keys)' },
  actionRetract: { fa: 'پس گرفتن اعلام', en: 'Retract a reveal' },
  actionJump: { fa: 'پرش به گام دیگر', en: 'Jump to another cue' },
  actionCorrection: { fa: 'اصلاح نتایج', en: 'Results correction' },
  actionRealRehearsal: { fa: 'تمرین با نتایج واقعی', en: 'Rehearsal on the real results' },
  askedBy: { fa: 'درخواست از {name} ({role})', en: 'Asked by {name} ({role})' },
  timeLeft: { fa: '{time} مانده', en: '{time} left' },
  approvalRun: { fa: 'اجرا: {run}', en: 'Run: {run}' },
  confirmApproval: { fa: 'تأیید و انجام', en: 'Confirm and do it' },
  refuseApproval: { fa: 'رد درخواست', en: 'Refuse' },
  withdrawApproval: { fa: 'پس گرفتن درخواست', en: 'Withdraw the request' },
  confirmHint: {
    fa: 'تأیید را فقط با کلیک یا با رفتن به دکمه (Tab) بزنید؛ کلید اجرا آن را نمی‌زند.',
    en: 'Confirm with a click, or Tab to the button: the GO key never confirms.',
  },
  myRequests: { fa: 'درخواست‌های من', en: 'My requests' },
  statusPending: { fa: 'در انتظار تأیید نفر دوم', en: 'Waiting for a second person' },
  statusPendingElsewhere: { fa: 'درخواست خود شما (از میز دیگری)؛ در انتظار تأیید نفر دوم', en: 'Your own request (from another console); waiting for a second person' },
  statusPendingOthers: { fa: 'در انتظار تأیید کسی که نقشش این کار را اجازه می‌دهد', en: 'Waiting for someone whose role allows this' },
  statusDone: { fa: '{name} تأیید کرد و انجام شد.', en: 'Confirmed by {name}, and done.' },
  statusFailed: { fa: '{name} تأیید کرد، اما کارساز آن را نپذیرفت ({code}) و چیزی تغییر نکرد.', en: 'Confirmed by {name}, but the server refused it ({code}): nothing changed.' },
  statusRefused: { fa: '{name} رد کرد؛ چیزی تغییر نکرد.', en: 'Refused by {name}: nothing changed.' },
  statusExpired: { fa: 'منقضی شد؛ چیزی تغییر نکرد.', en: 'Expired: nothing changed.' },
  newRequest: { fa: 'درخواست تازه برای تأیید: {action}، از {name}', en: 'New request to confirm: {action}, from {name}' },
  twoKeysSettings: { fa: 'دو کلید: چه کارهایی تأیید نفر دوم می‌خواهد', en: 'Two keys: what needs a second person' },
  policyCorrection: { fa: 'اصلاح نتایج پس از آغاز اجرای زنده', en: 'A results correction once the live run has begun' },
  policyRealRehearsal: { fa: 'تمرین با نتایج واقعی', en: 'A rehearsal on the real results' },
  policyRetract: { fa: 'پس گرفتن اعلام', en: 'A retract' },
  policyJump: { fa: 'پرش به گام دیگر', en: 'A jump to another cue' },
  savePolicy: { fa: 'ذخیره', en: 'Save' },
  policyChangedBy: { fa: 'آخرین تغییر: {name}، {time}', en: 'Last changed by {name}, {time}' },
  policyProducers: { fa: 'فقط تهیه‌کننده می‌تواند این را تغییر دهد.', en: 'Only a producer can change this.' },
  twoKeysError: { fa: 'انجام نشد:', en: 'Not done:' },
  confirmedBy: { fa: 'با تأیید', en: 'confirmed by' },
  crewProducer: { fa: 'تهیه‌کننده', en: 'producer' },
  crewOperator: { fa: 'اپراتور', en: 'operator' },
  crewResultsOfficer: { fa: 'مسئول نتایج', en: 'results officer' },
  crewStageManager: { fa: 'مدیر صحنه', en: 'stage manager' },
  crewPresenter: { fa: 'مجری', en: 'presenter' },
} as const satisfies Messages & Partial<Record<OperatorMessageKey, never>>;

export const keysDictionary = { ...operatorDictionary, ...keysMessages };
export type KeysMessageKey = keyof typeof keysDictionary;

export const t: Translate<typeof keysDictionary> = translator(keysDictionary);
