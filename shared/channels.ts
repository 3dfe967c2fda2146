import type { Text } from './text';

/**
 * A channel is how a group of screens reaches its viewers: the hall, the video conference, the
 * live stream. Each has a delay the operator sets, so that its screens show a reveal when its
 * viewers hear it.
 */
export interface Channel {
  id: string;
  name: Text;
  delayMs: number;
}

export const MAX_CHANNEL_DELAY_MS = 120_000;
export const CHANNEL_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;

export const DEFAULT_CHANNEL_ID = 'hall';

export const defaultChannels: Record<string, Channel> = {
  hall: { id: 'hall', name: { fa: 'سالن', en: 'Hall' }, delayMs: 0 },
  video: { id: 'video', name: { fa: 'ویدئوکنفرانس', en: 'Video conference' }, delayMs: 0 },
  stream: { id: 'stream', name: { fa: 'پخش زنده', en: 'Live stream' }, delayMs: 0 },
};
