import type { CrewRole } from '../../shared/crew';
import type { Language } from '../../shared/text';
import { translator, type Messages, type Translate } from './i18n';
import { operatorDictionary, type OperatorMessageKey } from './i18n-operator';

/** The strings of sign-in by name, the join page and the console's crew panel (S29). */
const crewMessages = {
  roleProducer: { fa: 'تهیه‌کننده', en: 'Producer' },
  roleOperatorCrew: { fa: 'اپراتور', en: 'Operator' },
  roleResultsOfficer: { fa: 'مسئول نتایج', en: 'Results officer' },
  roleStageManager: { fa: 'مدیر صحنه', en: 'Stage manager' },
  rolePresenter: { fa: 'مجری', en: 'Presenter' },
  signInWithName: { fa: 'با نام و رمز خودم', en: 'With my name and secret' },
  signInWithPasscode: { fa: 'با رمز ورود تهیه‌کنندهٔ نخست', en: 'With the first producer’s passcode' },
  signInHow: { fa: 'شیوهٔ ورود', en: 'How to sign in' },
  signInNameHelp: {
    fa: 'نام و رمزی را که هنگام پیوستن برگزیدید وارد کنید. تهیه‌کنندهٔ نخست می‌تواند نام را خالی بگذارد و رمز ورود را بنویسد.',
    en: 'Enter the name and secret you chose when you joined. The first producer may leave the name empty and type the passcode.',
  },
  signInPasscodeHelp: {
    fa: 'رمز ورودی که پودیوم در نخستین اجرا چاپ کرد (یا OPERATOR_PASSCODE). با آن به‌عنوان تهیه‌کنندهٔ نخست وارد می‌شوید.',
    en: 'The passcode Podium printed at its first start (or OPERATOR_PASSCODE). It signs you in as the first producer.',
  },
  personName: { fa: 'نام', en: 'Name' },
  secret: { fa: 'رمز', en: 'Secret' },
  signedInAs: { fa: 'واردشده', en: 'Signed in' },
  sessionEnded: {
    fa: 'نشست شما پایان یافته است (خارج شدید یا یک تهیه‌کننده آن را پایان داد)؛ دوباره وارد شوید.',
    en: 'Your session has ended (signed out or ended by a producer); sign in again.',
  },
  errWrongSignIn: { fa: 'نام یا رمز درست نیست.', en: 'Wrong name or secret.' },
  errWrongPasscode: { fa: 'رمز ورود درست نیست.', en: 'Wrong passcode.' },
  errDisabled: { fa: 'یک تهیه‌کننده دسترسی شما را بسته است.', en: 'A producer has disabled your access.' },
  errRateLimitedSignIn: { fa: 'تلاش‌های نادرست بسیار بود؛ کمی بعد دوباره تلاش کنید.', en: 'Too many wrong attempts; try again in a while.' },
  joinTitle: { fa: 'پیوستن به گروه اجرا', en: 'Join the crew' },
  joinInvited: { fa: 'شما با نقش «{role}» دعوت شده‌اید. این پیوند تا {time} معتبر است و یک بار به کار می‌رود.', en: 'You are invited as “{role}”. This link works once, until {time}.' },
  joinNameHelp: { fa: 'نامی که گروه شما را با آن می‌شناسد (۱ تا ۶۰ نویسه).', en: 'The name the crew knows you by (1 to 60 characters).' },
  joinSecretHelp: { fa: 'دست‌کم ۱۰ نویسه. آن را جایی امن نگه دارید: کسی آن را نمی‌بیند.', en: 'At least 10 characters. Keep it safe: nobody else sees it.' },
  joinSecretAgain: { fa: 'تکرار رمز', en: 'Secret again' },
  joinSecretsDiffer: { fa: 'دو رمز یکی نیستند.', en: 'The two secrets differ.' },
  joinSubmit: { fa: 'پیوستن و ورود', en: 'Join and sign in' },
  joining: { fa: 'در حال پیوستن…', en: 'Joining…' },
  joinInvalid: { fa: 'این پیوند دعوت به کار رفته، منقضی شده یا وجود ندارد. از تهیه‌کننده پیوند تازه بخواهید.', en: 'This invitation link has been used, has expired or does not exist. Ask a producer for a new one.' },
  errNameTaken: { fa: 'کسی در گروه همین نام را دارد؛ نام دیگری برگزینید.', en: 'Someone in the crew already has this name; choose another.' },
  errInvalidName: { fa: 'نامی ۱ تا ۶۰ نویسه‌ای برگزینید.', en: 'Choose a name of 1 to 60 characters.' },
  errWeakSecret: { fa: 'رمز باید دست‌کم ۱۰ نویسه باشد.', en: 'The secret needs at least 10 characters.' },
  crewTitle: { fa: 'گروه اجرا', en: 'Crew' },
  signedInNow: { fa: 'اکنون واردشده‌ها', en: 'Signed in now' },
  nobodySignedIn: { fa: 'کسی وارد نشده است.', en: 'Nobody is signed in.' },
  device: { fa: 'دستگاه', en: 'Device' },
  since: { fa: 'از', en: 'Since' },
  role: { fa: 'نقش', en: 'Role' },
  you: { fa: 'شما', en: 'you' },
  endSession: { fa: 'پایان نشست', en: 'End session' },
  endSessionTitle: { fa: 'پایان نشست', en: 'End a session' },
  endSessionText: { fa: 'میز فرمان {name} روی «{device}» همین حالا قطع می‌شود و باید دوباره وارد شود.', en: 'The console of {name} on “{device}” is cut off at once; they must sign in again.' },
  endSessionOf: { fa: 'پایان نشست {name}', en: 'End the session of {name}' },
  people: { fa: 'افراد', en: 'People' },
  disabled: { fa: 'بسته‌شده', en: 'disabled' },
  disable: { fa: 'بستن دسترسی', en: 'Disable' },
  enable: { fa: 'بازکردن دسترسی', en: 'Enable' },
  roleOf: { fa: 'نقش {name}', en: 'Role of {name}' },
  roleChangeNote: { fa: 'تغییر نقش یا بستن دسترسی، همهٔ نشست‌ها و توکن‌های آن فرد را همان دم پایان می‌دهد.', en: 'A change of role or a disable ends all that person’s sessions and tokens at once.' },
  errLastProducer: { fa: 'این آخرین تهیه‌کنندهٔ فعال است؛ نخست کس دیگری را تهیه‌کننده کنید.', en: 'This is the last enabled producer: make someone else producer first.' },
  invite: { fa: 'دعوت', en: 'Invite' },
  inviteRole: { fa: 'نقش فرد دعوت‌شده', en: 'Role of the invited person' },
  inviteName: { fa: 'نام پیشنهادی (اختیاری)', en: 'Suggested name (optional)' },
  inviteCreate: { fa: 'ساختن پیوند دعوت', en: 'Make an invitation link' },
  inviteLink: { fa: 'پیوند دعوت ({role})، یک‌بار مصرف تا {time}. تنها همین‌جا نمایش داده می‌شود.', en: 'Invitation link ({role}), one use, until {time}. Shown only here.' },
  inviteQr: { fa: 'کد QR پیوند دعوت برای گوشی', en: 'QR code of the invitation link, for a phone' },
  openInvitations: { fa: 'دعوت‌های باز', en: 'Open invitations' },
  withdraw: { fa: 'پس گرفتن', en: 'Withdraw' },
  withdrawInvitation: { fa: 'پس گرفتن دعوت {role}', en: 'Withdraw the {role} invitation' },
  tokens: { fa: 'توکن‌های API', en: 'API tokens' },
  tokensHelp: { fa: 'برای Stream Deck، Companion یا اسکریپت‌ها: هر توکن یک نقش و یک مراسم دارد.', en: 'For Stream Deck, Companion or scripts: each token has one role and one ceremony.' },
  tokenName: { fa: 'نام توکن', en: 'Token name' },
  tokenRole: { fa: 'نقش توکن', en: 'Token role' },
  tokenCreate: { fa: 'ساختن توکن', en: 'Make a token' },
  tokenShownOnce: { fa: 'توکن «{name}» (تنها همین یک بار نمایش داده می‌شود؛ اکنون رونوشت بگیرید):', en: 'Token “{name}” (shown this once only: copy it now):' },
  tokenFor: { fa: '{role} · {ceremony} · تا {time}', en: '{role} · {ceremony} · until {time}' },
  revoke: { fa: 'باطل کردن', en: 'Revoke' },
  revokeToken: { fa: 'باطل کردن توکن {name}', en: 'Revoke the token {name}' },
  noTokens: { fa: 'توکنی ساخته نشده است.', en: 'No token yet.' },
  crewLoadFailed: { fa: 'فهرست گروه بارگذاری نشد.', en: 'Could not load the crew.' },
  refresh: { fa: 'تازه‌سازی', en: 'Refresh' },
  deviceOn: { fa: '{browser} روی {system}', en: '{browser} on {system}' },
  deviceUnknown: { fa: 'دستگاه ناشناخته', en: 'unknown device' },
} as const satisfies Messages & Partial<Record<OperatorMessageKey, never>>;

export const crewDictionary = { ...operatorDictionary, ...crewMessages };
export type CrewMessageKey = keyof typeof crewDictionary;

export const t: Translate<typeof crewDictionary> = translator(crewDictionary);

const roleKeys: Record<CrewRole, CrewMessageKey> = {
  producer: 'roleProducer',
  operator: 'roleOperatorCrew',
  results_officer: 'roleResultsOfficer',
  stage_manager: 'roleStageManager',
  presenter: 'rolePresenter',
};

export function roleLabel(lang: Language, role: CrewRole): string {
  return t(lang, roleKeys[role]);
}

/**
 * An actor's name as the audit log shows it: a person's own name as given, but a name that is only a
 * role fallback (the first producer's passcode signs in as "operator", older logs carry role ids) in
 * the page's language.
 */
export function actorLabel(lang: Language, actor: string): string {
  const role = actor.trim().toLowerCase();
  return role in roleKeys ? t(lang, roleKeys[role as CrewRole]) : actor;
}

/**
 * A sign-in's device as the server names it from its User-Agent ("Chrome on Android", in English:
 * server/access/device-name.ts), said in the page's language. The product names stay as they are.
 */
export function deviceLabel(lang: Language, device: string): string {
  if (device === 'unknown device') return t(lang, 'deviceUnknown');
  const on = /^(.+) on (.+)$/.exec(device);
  return on ? t(lang, 'deviceOn', { browser: on[1]!, system: on[2]! }) : device;
}
