import { z } from 'zod';
import { Limits, textSchema } from './ceremony';
import { MAX_ANNOUNCEMENT_MS, MIN_ANNOUNCEMENT_MS } from './announcements';
import { CHANNEL_ID_PATTERN, MAX_CHANNEL_DELAY_MS } from './channels';

/** Operator commands, as they arrive from the console, a script or a Stream Deck. */
const CommandId = z.string().min(1).max(100);
const CueId = z.string().min(1).max(200);
const common = { commandId: CommandId.optional() };
/** What the operator types: short enough for a screen, so a snapshot stays small (S22). */
const MessageText = textSchema(Limits.messageText);

export const CommandSchema = z.discriminatedUnion('type', [
  /** Advance to the next cue; `expectedCue` is the id of the cue the operator saw as next. */
  /**
   * `version`, when given, is the definition version whose preview the operator saw: a GO aimed at
   * an older version is refused with definition_changed (the console always sends it).
   */
  z.object({ ...common, type: z.literal('go'), expectedCue: CueId, version: z.int().min(1).optional() }).strict(),
  /** Withdraw the last reveal; `cueId`, when given, must be that reveal's cue. */
  z.object({ ...common, type: z.literal('retract'), cueId: CueId.optional(), confirm: z.boolean().optional(), reason: MessageText.optional() }).strict(),
  z.object({ ...common, type: z.literal('hold'), message: MessageText.optional() }).strict(),
  z.object({ ...common, type: z.literal('resume') }).strict(),
  /** `durationMs`: how long the screens show it (default ANNOUNCEMENT_MS); it also goes when cleared. */
  z.object({ ...common, type: z.literal('announce'), text: MessageText, durationMs: z.int().min(MIN_ANNOUNCEMENT_MS).max(MAX_ANNOUNCEMENT_MS).optional() }).strict(),
  /** Takes the announcement on the screens down now. */
  z.object({ ...common, type: z.literal('clear_announcement') }).strict(),
  /** Opens the envelope: the presenter's screen may show the next reveal's names (never before). `cueId` must be the next cue, a reveal. */
  z.object({ ...common, type: z.literal('arm'), cueId: CueId }).strict(),
  /** Takes the overlay (the video mixer's graphics) off air, or back on, without touching the run. */
  z.object({ ...common, type: z.literal('set_overlay'), onAir: z.boolean() }).strict(),
  /** A message to the presenter's screen only (screens get the event without its text). */
  z.object({ ...common, type: z.literal('tell_presenter'), text: MessageText }).strict(),
  /** Make `cueId` the next cue (GO then starts it); needs `confirm: true`. */
  z.object({ ...common, type: z.literal('jump'), cueId: CueId, confirm: z.boolean().optional() }).strict(),
  /** Adds a channel or changes its name or delay. */
  z
    .object({
      ...common,
      type: z.literal('set_channel'),
      channelId: z.string().regex(CHANNEL_ID_PATTERN, 'expected a channel id of lowercase letters, digits and dashes'),
      name: textSchema(Limits.channelName).optional(),
      delayMs: z.int().min(0).max(MAX_CHANNEL_DELAY_MS, `expected a delay of at most ${MAX_CHANNEL_DELAY_MS} ms`),
    })
    .strict(),
]);

export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];
