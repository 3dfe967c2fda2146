import { messages, translator, type MessageKey, type Messages, type Translate } from './i18n';

/** The strings of the overlay's graphics and of the console's on-air control. Keys never repeat the base dictionary's. */
const overlayMessages = {
  // The graphics.
  overlayNowCategory: { fa: 'بخش', en: 'Category' },
  overlayPrize: { fa: 'جایزه:', en: 'Prize:' },
  overlayGraphics: { fa: 'گرافیک روی تصویر', en: 'Broadcast graphics' },
  // The console's control.
  overlayAirTitle: { fa: 'گرافیک روی تصویر (OBS / vMix)', en: 'Overlay (OBS / vMix)' },
  overlayIsOnAir: { fa: 'گرافیک روی آنتن است', en: 'Overlay on air' },
  overlayIsOffAir: { fa: 'گرافیک خارج از آنتن است', en: 'Overlay off air' },
  overlayTakeOff: { fa: 'برداشتن گرافیک از آنتن', en: 'Take the overlay off air' },
  overlayPutBack: { fa: 'بازگرداندن گرافیک به آنتن', en: 'Put the overlay back on air' },
  overlaySending: { fa: 'در حال ارسال…', en: 'Sending…' },
  overlayAirHelp: {
    fa: 'خارج از آنتن، گرافیک‌های روی تصویر کنار می‌روند و چیزی نشان داده نمی‌شود؛ اجرای مراسم تغییری نمی‌کند.',
    en: 'Off air, every overlay graphic goes and nothing is shown; the run itself does not change.',
  },
  overlayAirReadOnly: { fa: 'نقش شما اجازهٔ تغییر آن را ندارد.', en: 'Your role may not change it.' },
} as const satisfies Messages & Partial<Record<MessageKey, never>>;

export const overlayDictionary = { ...messages, ...overlayMessages };
export type OverlayMessageKey = keyof typeof overlayDictionary;

export const t: Translate<typeof overlayDictionary> = translator(overlayDictionary);
