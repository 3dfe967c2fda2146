import { messages, translator, type MessageKey, type Messages, type Translate } from './i18n';

/** The strings of the replays: watch again, and the replay controls the console shares. Keys never repeat those of the dictionaries it extends. */
const replayMessages = {
  watchAgain: { fa: 'تماشای دوباره', en: 'Watch again' },
  watchAgainTitle: { fa: 'تماشای دوباره: {ceremony}', en: 'Watch again: {ceremony}' },
  watchAgainBuilding: { fa: 'آماده‌سازی بازپخش…', en: 'Preparing the replay…' },
  watchAgainProgress: { fa: '{done} از {total} رویداد', en: '{done} of {total} events' },
  watchAgainUnavailable: { fa: 'بازپخش پس از پایان مراسم در دسترس خواهد بود.', en: 'The replay will be available after the ceremony.' },
  watchAgainFollowLive: { fa: 'تا آن زمان مراسم را زنده دنبال کنید', en: 'Until then, follow it live' },
  watchAgainUnknown: { fa: 'این اجرا وجود ندارد.', en: 'There is no such run.' },
  watchAgainEmpty: { fa: 'در این اجرا هنوز رویدادی نیست.', en: 'Nothing has happened in this run yet.' },
  play: { fa: 'پخش', en: 'Play' },
  pause: { fa: 'مکث', en: 'Pause' },
  speed: { fa: 'سرعت', en: 'Speed' },
  speedTimes: { fa: '{speed}×', en: '{speed}×' },
  stepPrevious: { fa: 'گام قبلی', en: 'Previous cue' },
  stepNext: { fa: 'گام بعدی', en: 'Next cue' },
  timeline: { fa: 'خط زمان', en: 'Timeline' },
  timelineValue: { fa: 'رویداد {index} از {length}، {elapsed} از {duration}', en: 'Event {index} of {length}, {elapsed} of {duration}' },
  timelineMarks: { fa: 'نشانه‌های خط زمان', en: 'Timeline marks' },
  markOf: { fa: '{kind}: {label}', en: '{kind}: {label}' },
  hold: { fa: 'توقف', en: 'Hold' },
  eventCueStarted: { fa: 'آغاز گام', en: 'Cue started' },
  eventResultRevealed: { fa: 'اعلام نتیجه', en: 'Result revealed' },
  eventRevealRetracted: { fa: 'پس گرفتن اعلام', en: 'Reveal retracted' },
  eventHoldStarted: { fa: 'توقف', en: 'Hold' },
  eventHoldEnded: { fa: 'ادامه', en: 'Resumed' },
  eventAnnounced: { fa: 'اطلاعیه', en: 'Announcement' },
  eventCueJumped: { fa: 'پرش', en: 'Jump' },
  eventChannelSet: { fa: 'تأخیر کانال', en: 'Channel delay' },
  eventRehearsalStarted: { fa: 'آغاز تمرین', en: 'Rehearsal started' },
} as const satisfies Messages & Partial<Record<MessageKey, never>>;

export const replayDictionary = { ...messages, ...replayMessages };
export type ReplayMessageKey = keyof typeof replayDictionary;

export const t: Translate<typeof replayDictionary> = translator(replayDictionary);
