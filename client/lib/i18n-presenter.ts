import { crewDictionary } from './i18n-crew';
import { translator, type Messages, type Translate } from './i18n';

/** The presenter's screen (S33). Keys never repeat the crew's dictionary (sign-in) or the base one. */
const presenterMessages = {
  presenterTitle: { fa: 'صفحهٔ مجری', en: "Presenter's screen" },
  presenterNow: { fa: 'اکنون', en: 'Now' },
  presenterNext: { fa: 'بعدی', en: 'Next' },
  presenterRunning: { fa: 'زمان سپری‌شده: {time}', en: 'Running for {time}' },
  presenterNotStarted: { fa: 'مراسم هنوز آغاز نشده است.', en: 'The ceremony has not started yet.' },
  presenterEnded: { fa: 'مراسم به پایان رسید.', en: 'The ceremony has ended.' },
  presenterNothingNext: { fa: 'برنامهٔ دیگری نمانده است.', en: 'Nothing more in the run of show.' },
  presenterRead: { fa: 'متن خواندنی', en: 'To read' },
  presenterSealed: { fa: 'پاکت بسته است: نام‌ها وقتی نشان داده می‌شوند که اپراتور این اعلام را آماده کند.', en: 'The envelope is closed: the names show once the operator arms this reveal.' },
  presenterArmed: { fa: 'پاکت باز شد: بخوانید وقتی اعلام می‌شود', en: 'Envelope open: read it when it is revealed' },
  presenterRevealed: { fa: 'اعلام شد', en: 'Revealed' },
  presenterEmptySlot: { fa: 'این جایگاه برنده‌ای ندارد.', en: 'No one holds this place.' },
  presenterSay: { fa: 'تلفظ: {how}', en: 'Say: {how}' },
  presenterNominees: { fa: 'نامزدها', en: 'Nominees' },
  presenterSpeaker: { fa: 'سخنران', en: 'Speaker' },
  presenterFromOperator: { fa: 'پیام اپراتور', en: 'From the operator' },
  presenterOnHold: { fa: 'مکث: منتظر اپراتور بمانید.', en: 'On hold: wait for the operator.' },
  presenterForbidden: { fa: 'نقش شما اجازهٔ دیدن صفحهٔ مجری را ندارد.', en: "Your role may not open the presenter's screen." },
  presenterSignInHelp: { fa: 'صفحهٔ مجری فقط برای مجری و اپراتور است: وارد شوید.', en: "The presenter's screen is for the presenter and the operator: sign in." },
  presenterClock: { fa: 'ساعت', en: 'Clock' },
  // The console's side.
  armReveal: { fa: 'باز کردن پاکت برای مجری', en: 'Open the envelope for the presenter' },
  armRevealHelp: { fa: 'نام‌های این اعلام فقط روی صفحهٔ مجری نشان داده می‌شود، نه روی هیچ صفحهٔ دیگری.', en: "The names of this reveal show on the presenter's screen only, on no other screen." },
  revealArmed: { fa: 'پاکت برای مجری باز است', en: 'Envelope open for the presenter' },
  tellPresenter: { fa: 'پیام به مجری', en: 'Message to the presenter' },
  tellPresenterHelp: { fa: 'فقط روی صفحهٔ مجری دیده می‌شود.', en: "Seen on the presenter's screen only." },
  tellPresenterSend: { fa: 'فرستادن به مجری', en: 'Send to the presenter' },
  openPresenterScreen: { fa: 'باز کردن صفحهٔ مجری', en: "Open the presenter's screen" },
} as const satisfies Messages;

export const presenterDictionary = { ...crewDictionary, ...presenterMessages };
export type PresenterMessageKey = keyof typeof presenterDictionary;

export const t: Translate<typeof presenterDictionary> = translator(presenterDictionary);
