import { messages, translator, type MessageKey, type Messages, type Translate } from './i18n';

/** The strings of the hall screen's show package (client/components/stage/). Keys never repeat those of the dictionary it extends. */
const stageMessages = {
  stageOpening: { fa: 'افتتاحیه', en: 'Opening' },
  stageInterlude: { fa: 'میان‌برنامه', en: 'Interlude' },
  stageClosing: { fa: 'پایان مراسم', en: 'Closing' },
  stageThanks: { fa: 'سپاس از همراهی شما', en: 'Thank you for joining us' },
  stageSpeaker: { fa: 'سخنران', en: 'Speaker' },
  stageNominees: { fa: 'نامزدها', en: 'Nominees' },
  stageNomineeCount: { fa: '{count} نامزد', en: '{count} nominees' },
  stagePlacesToCome: { fa: 'رتبه‌هایی که اعلام می‌شود', en: 'Places to be announced' },
  stagePrize: { fa: 'جایزه', en: 'Prize' },
  stageWinner: { fa: 'برگزیده', en: 'Winner' },
  stageWinners: { fa: 'برگزیدگان', en: 'Winners' },
  stageJoint: { fa: 'مشترک', en: 'Joint' },
  stageMentions: { fa: 'تقدیرها', en: 'Honourable mentions' },
  stageNotYet: { fa: 'هنوز اعلام نشده', en: 'Not yet announced' },
  stageOtherPlaces: { fa: 'دیگر رتبه‌ها', en: 'Other places' },
  stageOtherNominees: { fa: 'دیگر نامزدها', en: 'The other nominees' },
  stageAnnouncement: { fa: 'اطلاعیه', en: 'Announcement' },
  stageLogoAlt: { fa: 'نشان جایزه', en: 'The award’s logo' },
} as const satisfies Messages & Partial<Record<MessageKey, never>>;

export const stageDictionary = { ...messages, ...stageMessages };
export type StageMessageKey = keyof typeof stageDictionary;

export const t: Translate<typeof stageDictionary> = translator(stageDictionary);
