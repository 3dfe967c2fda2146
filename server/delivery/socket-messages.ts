import { z } from 'zod';
import { CHANNEL_ID_PATTERN } from '../../shared/channels';
import { DelegateLocations, ScreenRoles } from '../../shared/roles';
import { LIVE_RUN_ID, RUN_ID_PATTERN, SCREEN_RUN_ID_PATTERN } from '../../shared/runs';

/** Every message a socket may send, as the server checks it: anything else is refused or ignored. */

const ScreenName = z.string().trim().min(1).max(60);
const RunId = z.string().regex(RUN_ID_PATTERN).default(LIVE_RUN_ID);
export const ScreenAuthSchema = z.object({
  ceremonyId: z.string().min(1).max(100),
  runId: z.string().regex(SCREEN_RUN_ID_PATTERN).default(LIVE_RUN_ID),
  runKey: z.string().max(100).optional(),
  role: z.enum(ScreenRoles).default('audience'),
  screenKey: z.string().max(100).optional(),
  lastSeq: z.int().min(0).optional(),
  channel: z.string().regex(CHANNEL_ID_PATTERN).optional().catch(undefined),
  name: ScreenName.optional().catch(undefined),
  delegate: z
    .object({ organizationId: z.string().min(1).max(64), key: z.string().min(1).max(100), location: z.enum(DelegateLocations).default('remote') })
    .optional(),
});
export const OperatorAuthSchema = z.object({
  ceremonyId: z.string().min(1).max(100),
  runId: RunId,
  token: z.string().max(2048).optional(),
  lastSeq: z.int().min(0).optional(),
  /** The presenter's screen (S33): it gets only the presenter view, never the console's. */
  presenter: z.literal(true).optional(),
});
export const SyncSchema = z.object({ lastSeq: z.int().min(0) });
export const HelloSchema = z.object({
  name: ScreenName.optional(),
  location: z.enum(DelegateLocations).optional(),
  offsetMs: z.number().finite().optional(),
  rttMs: z.number().finite().min(0).optional(),
  nudgeMs: z.int().min(0).max(10 * 60_000).optional(),
});
export const RenderedSchema = z.object({ seq: z.int().min(0), cueId: z.string().min(1).max(200) });
export const ScreenRequestSchema = z.object({
  screenId: z.string().min(1).max(100),
  name: ScreenName.optional(),
  channel: z.string().regex(CHANNEL_ID_PATTERN).optional(),
  view: z.enum(['audience', 'stage', 'overlay']).optional(),
  reload: z.boolean().optional(),
});

/** The type of a command for logs: a known word, never the command's content. */
export function commandType(command: unknown): string {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' && /^[a-z_]{1,20}$/.test(type) ? type : 'unknown';
}
