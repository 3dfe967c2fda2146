import { translator, type Translate } from './i18n';
import { studioDictionary, type StudioMessageKey } from './i18n-studio';

/** The strings of the studio's Preview and Publish pages and of the preview screen (S32). */
const previewMessages = {
  // The preview screen (one cue of the draft on one screen, in a frame of the Preview tab).
  previewMark: { fa: 'پیش‌نمایش', en: 'PREVIEW' },
  previewMarkStandIns: { fa: 'پیش‌نمایش · نام‌های جایگزین', en: 'PREVIEW · stand-in names' },
  previewMarkReal: { fa: 'پیش‌نمایش · نتایج واقعی', en: 'PREVIEW · real results' },
  previewNotLive: { fa: 'این صفحهٔ زنده نیست.', en: 'This is not the live screen.' },
  previewInvalid: { fa: 'پیش‌نویس {count} مشکل دارد: نخست آن‌ها را در «بازبینی» برطرف کنید.', en: 'The draft has {count} problems: fix them in Check first.' },
  previewNoCue: { fa: 'این گام در برنامهٔ اجرای پیش‌نویس نیست.', en: 'This cue is not in the draft’s run of show.' },
  previewFailed: { fa: 'پیش‌نمایش بارگذاری نشد: {message}', en: 'The preview could not be loaded: {message}' },

  // The Preview tab.
  previewTitle: { fa: 'پیش‌نمایش صفحه‌ها', en: 'Preview the screens' },
  previewHelp: {
    fa: 'هر گام را روی هر صفحه ببینید، همان‌گونه که در مراسم نشان داده می‌شود؛ مراسم زنده دست نمی‌خورد.',
    en: 'See any cue on any screen exactly as the ceremony will show it; the live run is not touched.',
  },
  previewCues: { fa: 'گام‌ها', en: 'Cues' },
  previewCuesHelp: { fa: 'با پیکان بالا و پایین میان گام‌ها بروید.', en: 'Arrow up and down move between cues.' },
  previewBeforeShow: { fa: 'پیش از آغاز مراسم', en: 'Before the show' },
  previewCueOf: { fa: 'گام {index} از {total}', en: 'Cue {index} of {total}' },
  previewScreen: { fa: 'صفحه', en: 'Screen' },
  previewAudience: { fa: 'مخاطبان (رایانه)', en: 'Audience (computer)' },
  previewStage: { fa: 'صحنه', en: 'Stage' },
  previewOverlay: { fa: 'روکش ویدئو', en: 'Video overlay' },
  previewPhone: { fa: 'گوشی مخاطبان', en: 'Audience phone' },
  previewLanguage: { fa: 'زبان', en: 'Language' },
  previewBoth: { fa: 'هر دو، کنار هم', en: 'Both, side by side' },
  previewResults: { fa: 'نتایج', en: 'Results' },
  previewStandIns: { fa: 'نام‌های جایگزین', en: 'Stand-in names' },
  previewReal: { fa: 'نتایج واقعی', en: 'Real results' },
  previewRealHelp: { fa: 'نتایج واقعی روی این صفحه دیده می‌شوند: مراقب چشم‌های اتاق فرمان باشید.', en: 'The real results show on this page: mind the eyes in the control room.' },
  previewFrameTitle: { fa: 'پیش‌نمایش {screen} ({lang})', en: 'Preview of the {screen} ({lang})' },
  previewShowing: { fa: 'نمایش: {cue} روی {screen}', en: 'Showing: {cue} on the {screen}' },
  previewInvalidNote: { fa: 'پیش‌نویس {count} مشکل دارد و تا برطرف نشوند پیش‌نمایش ممکن نیست.', en: 'The draft has {count} problems; it cannot be previewed until they are fixed.' },
  previewToCheck: { fa: 'رفتن به بازبینی', en: 'Go to Check' },
  previewNoCues: { fa: 'برنامهٔ اجرا هنوز گامی ندارد.', en: 'The run of show has no cues yet.' },
  rehearseStandIns: { fa: 'تمرین با نام‌های جایگزین', en: 'Rehearse on stand-ins' },
  rehearseHelp: { fa: 'تمرینی تازه روی نسخهٔ منتشرشده آغاز می‌شود و میز فرمان روی آن باز می‌شود.', en: 'Starts a new rehearsal of the published version and opens the console on it.' },
  rehearsePublishFirst: { fa: 'برای تمرین نخست مراسم را منتشر کنید (صفحهٔ «انتشار»).', en: 'Publish the ceremony first to rehearse it (the Publish page).' },
  rehearseStarting: { fa: 'در حال آغاز تمرین…', en: 'Starting the rehearsal…' },
  languageFa: { fa: 'فارسی', en: 'Persian' },
  languageEn: { fa: 'انگلیسی', en: 'English' },

  // The Publish tab.
  publishTitle: { fa: 'انتشار', en: 'Publish' },
  publishHelp: {
    fa: 'ذخیره پیش‌نویس می‌سازد؛ انتشار آن را نسخه‌ای می‌کند که مراسم زنده به کار می‌برد.',
    en: 'Saving makes a draft; publishing makes it the version the live run uses.',
  },
  publishedLabel: { fa: 'منتشرشده', en: 'Published' },
  draftLabel: { fa: 'پیش‌نویس', en: 'Draft' },
  publishConfirmChanges: { fa: '{count} تغییر منتشر می‌شود.', en: '{count} changes will be published.' },
  publishedVersion: { fa: 'نسخهٔ منتشرشده: {version}', en: 'Published version: {version}' },
  publishedNever: { fa: 'این مراسم هنوز منتشر نشده است.', en: 'This ceremony has not been published yet.' },
  draftStamp: { fa: 'بازنگری {revision}: {time}، {name}', en: 'Revision {revision}: {time}, by {name}' },
  draftBasedOn: { fa: 'بر پایهٔ نسخهٔ {version}', en: 'based on version {version}' },
  draftNone: { fa: 'پیش‌نویسی نیست: نسخهٔ منتشرشده همان است که ویرایش می‌شود.', en: 'No draft: the published version is what is being edited.' },
  diffTitle: { fa: 'تغییرها از آخرین انتشار', en: 'Changes since the last publication' },
  diffTitleNew: { fa: 'آنچه منتشر می‌شود', en: 'What will be published' },
  diffNone: { fa: 'تغییری از آخرین نسخهٔ منتشرشده نیست.', en: 'Nothing has changed since the last published version.' },
  diffLoading: { fa: 'در حال خواندن تغییرها…', en: 'Reading the changes…' },
  diffAdded: { fa: 'افزوده', en: 'Added' },
  diffRemoved: { fa: 'حذف‌شده', en: 'Removed' },
  diffChanged: { fa: 'تغییر', en: 'Changed' },
  diffMoved: { fa: 'جابه‌جا', en: 'Moved' },
  publishBlocked: { fa: 'پیش‌نویس {count} مشکل دارد: تا برطرف نشوند انتشار ممکن نیست.', en: 'The draft has {count} problems: it cannot be published until they are fixed.' },
  publishButton: { fa: 'انتشار…', en: 'Publish…' },
  publishConfirmTitle: { fa: 'انتشار پیش‌نویس', en: 'Publish the draft' },
  publishConfirmBody: {
    fa: 'پیش‌نویس نسخهٔ تازهٔ مراسم می‌شود و مراسم زنده و تمرین‌های تازه آن را به کار می‌برند.',
    en: 'The draft becomes the ceremony’s new version: the live run and new rehearsals use it.',
  },
  publishConfirmLabel: { fa: 'انتشار نسخهٔ {version}', en: 'Publish version {version}' },
  publishing: { fa: 'در حال انتشار…', en: 'Publishing…' },
  publishDone: { fa: 'نسخهٔ {version} منتشر شد.', en: 'Version {version} was published.' },
  publishViewOnly: { fa: 'نقش شما نمی‌تواند منتشر کند.', en: 'Your role may not publish.' },
  publishLocked: {
    fa: 'مراسم زنده آغاز شده است: از این پس تنها اصلاح ثبت‌شدهٔ نتایج می‌تواند چیزی را تغییر دهد (راهنمای اپراتور، «وقتی نتایج تغییر می‌کند»).',
    en: 'The live run has started: from now on only the logged results correction may change anything (operator guide, “When the results change”).',
  },
  correctButton: { fa: 'انتشار به‌عنوان اصلاح نتایج…', en: 'Publish as a results correction…' },
  correctHelp: {
    fa: 'فقط نتایج بخش‌هایی که هنوز اعلام نشده‌اند؛ عنوان‌ها و برنامهٔ اجرا همان می‌ماند. اصلاح در گزارش اجرا ثبت و روی میز فرمان اعلام می‌شود.',
    en: 'Only the results of categories not yet revealed; titles and the run of show stay as they are. The correction is logged in the as-run log and announced on the console.',
  },
  correctConfirmTitle: { fa: 'اصلاح نتایج در اجرای زنده', en: 'A results correction during the live run' },
  correctConfirmLabel: { fa: 'اصلاح نتایج', en: 'Correct the results' },
  correctDone: { fa: 'اصلاح شد: نسخهٔ {version} ({categories}).', en: 'Corrected: version {version} ({categories}).' },
  correctAsked: { fa: 'این اصلاح تأیید نفر دوم را می‌خواهد: درخواست روی میز فرمان دیده می‌شود و تا تأیید نشود چیزی تغییر نمی‌کند.', en: 'This correction needs a second person’s confirmation: the request shows on the consoles, and nothing changes until it is confirmed.' },
  publishToConsole: { fa: 'رفتن به میز فرمان', en: 'Open the console' },
  sealSection: { fa: 'مهر نتایج', en: 'Seal of the results' },
  sealStateNone: { fa: 'نتایج هنوز مهر نشده‌اند.', en: 'The results are not sealed yet.' },
  sealStateSealed: { fa: 'مهر {no}، {time}، {name}', en: 'Seal {no}, {time}, by {name}' },
  sealStateChanged: { fa: 'نتایج پس از مهر تغییر کرده‌اند: پیش از مراسم دوباره مهر کنید.', en: 'The results changed since the seal: seal again before the show.' },
  sealStateUnpublished: { fa: 'پس از انتشار می‌توان نتایج را مهر کرد.', en: 'The results can be sealed once the ceremony is published.' },
  sealInConsole: { fa: 'مهر کردن در میز فرمان', en: 'Seal in the console' },
} as const satisfies Record<string, Record<'fa' | 'en', string>> & Partial<Record<StudioMessageKey, never>>;

export const previewDictionary = { ...studioDictionary, ...previewMessages };
export type PreviewMessageKey = keyof typeof previewDictionary;

export const t: Translate<typeof previewDictionary> = translator(previewDictionary);
