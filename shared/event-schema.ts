import { CrewRoles } from './crew';
import { z } from 'zod';
import { AttendanceSchema, ImageIdSchema, RecipientSchema, TextSchema } from './ceremony';
import { CHANNEL_ID_PATTERN, MAX_CHANNEL_DELAY_MS } from './channels';
import { CueKinds, type CueKind } from './cues';
import type { CeremonyEvent, EventBody, EventType } from './events';

/**
 * The shape of every event, as the decider makes it (checked against its output in
 * tests/shared/event-schema.test.ts) and as an imported run file must bring it. A field of an
 * event is there because `evolve` reads it; nothing else is taken.
 */
const CueId = z.string().min(1).max(200);
const Slot = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('place'), place: z.int().min(1) }).strict(),
  z.object({ kind: z.literal('mentions') }).strict(),
  z.object({ kind: z.literal('winner') }).strict(),
]);
const Entry = z
  .object({ recipient: RecipientSchema, score: z.number().finite().optional(), nomineeId: z.string().min(1).max(64).optional(), logo: ImageIdSchema.optional(), attendance: AttendanceSchema.optional() })
  .strict();
const Reveal = { cueId: CueId, categoryId: z.string().min(1).max(64), slot: Slot, entries: z.array(Entry) };
const CueSchema = z
  .object({
    id: CueId,
    kind: z.enum(Object.values(CueKinds) as [CueKind, ...CueKind[]]),
    label: TextSchema,
    categoryId: z.string().min(1).max(64).optional(),
    slot: Slot.optional(),
    speaker: TextSchema.optional(),
    role: TextSchema.optional(),
  })
  .strict();
/** The public part of a definition: what screens show; its categories as `toPublicCeremony` makes them. */
const PublicCeremonySchema = z
  .object({
    id: z.string().min(1).max(64),
    title: TextSchema,
    date: z.string().max(20),
    timeZone: z.string().min(1).max(100),
    categories: z.array(z.object({ id: z.string().min(1).max(64), kind: z.enum(['ranked', 'nominees']), title: TextSchema, places: z.array(z.int().min(1)) }).loose()),
  })
  .loose();

const bodies = {
  cue_started: { cueId: CueId },
  result_revealed: { ...Reveal, salt: z.string().min(1).max(100).optional() },
  reveal_retracted: { ...Reveal, reason: TextSchema.optional() },
  hold_started: { message: TextSchema.optional() },
  hold_ended: {},
  announced: { text: TextSchema, durationMs: z.int().min(1).optional() },
  announcement_cleared: {},
  reveal_armed: { cueId: CueId },
  overlay_set: { onAir: z.boolean() },
  presenter_told: { text: TextSchema.optional() },
  cue_jumped: { fromCueId: CueId.nullable(), toCueId: CueId },
  channel_set: { channelId: z.string().regex(CHANNEL_ID_PATTERN), name: TextSchema, delayMs: z.int().min(0).max(MAX_CHANNEL_DELAY_MS) },
  rehearsal_started: { realResults: z.boolean(), version: z.int().min(1).optional() },
  definition_published: {
    version: z.int().min(1),
    ceremony: PublicCeremonySchema.optional(),
    cues: z.array(CueSchema).optional(),
    hash: z.string().max(100).optional(),
    correction: z.object({ categoryIds: z.array(z.string().min(1).max(64)) }).strict().optional(),
    attendance: z.object({ cueId: CueId }).strict().optional(),
  },
  results_sealed: {
    sealNo: z.int().min(1),
    version: z.int().min(1),
    root: z.string().regex(/^[0-9a-f]{64}$/),
    commitments: z.array(z.object({ cueId: CueId, commitment: z.string().regex(/^[0-9a-f]{64}$/) }).strict()),
    sealedBy: z.string().max(200),
  },
} satisfies Record<EventType, z.ZodRawShape>;

/** Stamped by the server (events.ts EventStamp and EventMeta). */
const stamp = {
  seq: z.int().min(1),
  at: z.number().finite(),
  showAt: z.number().finite().optional(),
  commandId: z.string().min(1).max(200),
  actor: z.string().max(200),
  actorRole: z.enum(CrewRoles).optional(),
  token: z.string().max(200).optional(),
  confirmedBy: z.string().max(200).optional(),
};

const union = <S extends z.ZodRawShape>(extra: S) =>
  z.discriminatedUnion(
    'type',
    (Object.keys(bodies) as EventType[]).map((type) => z.object({ type: z.literal(type), ...bodies[type], ...extra }).strict()) as unknown as [z.ZodObject, ...z.ZodObject[]],
  );

/** An event's body: its type and data, nothing else. */
export const EventBodySchema: z.ZodType<EventBody> = union({}) as unknown as z.ZodType<EventBody>;
/** A whole event as logged: its body, its stamp and who caused it. */
export const CeremonyEventSchema: z.ZodType<CeremonyEvent> = union(stamp) as unknown as z.ZodType<CeremonyEvent>;
