import { z } from 'zod';
import { ThemeSchema } from './theme-schema';

/**
 * The ceremony definition: what organizers write (docs/ceremony-format.md). It holds the secret
 * results, so only the server ever reads it; screens get the public ceremony (public-ceremony.ts).
 */

export const CEREMONY_SCHEMA_VERSION = 1;

/**
 * Size limits (docs/ceremony-format.md): one careless or hostile definition or command must not
 * make every late joiner's snapshot megabytes long. Counted in UTF-16 units after trimming.
 */
export const Limits = {
  /** Any text of a definition, per language: a title, a name, a description. */
  definitionText: 500,
  /** An announcement, a hold message or a retraction's reason, per language. */
  messageText: 280,
  /** A channel's name, per language. */
  channelName: 60,
  categories: 200,
  /** Results, nominees, winners and mentions of one category; places in a reveal order. */
  perCategory: 100,
  runOfShow: 500,
  organizations: 1_000,
} as const;

/** A text in Persian and/or English of at most `max` characters per language. */
export function textSchema(max: number) {
  const one = z.string().trim().min(1, 'expected a non-empty text').max(max, `expected a text of at most ${max} characters`);
  return z
    .object({ fa: one.optional(), en: one.optional() })
    .strict()
    .refine((t) => t.fa !== undefined || t.en !== undefined, 'expected a text with "fa" or "en" (or both)');
}

export const TextSchema = textSchema(Limits.definitionText).meta({
  id: 'Text',
  description: `A text a person sees: Persian (fa) and/or English (en), each at most ${Limits.definitionText} characters. Either may be missing; the other is then shown.`,
});

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected an id of lowercase letters, digits and dashes (at most 64), starting with a letter or digit')
  .meta({ id: 'Id' });

/** An image uploaded in the studio (a logo, a photo): the sha256 of its bytes, served at /api/images/:id. */
export const ImageIdSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'expected the id of an uploaded image (64 hex digits)')
  .meta({ id: 'ImageId', description: 'An image uploaded in the studio (PNG, JPEG or WebP): the sha256 of its bytes, served at /api/images/:id.' });

export const RecipientSchema = z
  .object({
    type: z.enum(['organization', 'person']).meta({ description: 'Who receives the prize.' }),
    photo: ImageIdSchema.optional().meta({ description: "A person's photo, shown once this recipient is revealed (secret before)." }),
    name: TextSchema,
    entry: TextSchema.optional().meta({ description: 'What it won for, e.g. a system or a project.' }),
    organizationId: Id.optional().meta({ description: 'The participating organization this recipient is (or belongs to).' }),
    pronunciation: TextSchema.optional().meta({ description: "How to say the name, for the presenter's screen only, once the reveal is armed (secret before)." }),
  })
  .strict()
  .meta({ id: 'Recipient' });

/**
 * Whether the recipient is there to receive the prize: shown with the reveal, secret before it
 * (it is part of a result). Set in the studio, or live from the console before the reveal.
 */
export const AttendanceSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('present') }).strict(),
    z.object({ status: z.literal('absent') }).strict(),
    z.object({ status: z.literal('remote') }).strict(),
    z.object({ status: z.literal('on_behalf'), acceptedBy: TextSchema.meta({ description: 'Who accepts the prize on the recipient\'s behalf.' }) }).strict(),
  ])
  .meta({ id: 'Attendance' });

const Score = z.number().finite().meta({ id: 'Score', description: 'An optional score, shown with the result.' });

export const PlaceResultSchema = z
  .object({
    place: z.int('expected a whole number ≥ 1').min(1, 'expected a whole number ≥ 1'),
    recipient: RecipientSchema,
    score: Score.optional(),
    attendance: AttendanceSchema.optional(),
  })
  .strict();

export const MentionSchema = z.object({ recipient: RecipientSchema, score: Score.optional(), attendance: AttendanceSchema.optional() }).strict();

export const NomineeSchema = z.object({ id: Id, recipient: RecipientSchema, score: Score.optional(), attendance: AttendanceSchema.optional() }).strict();

/** The lines the presenter reads (the presenter's screen only; a reveal's line only once it is armed). */
const ScriptSchema = TextSchema.meta({ description: "What the presenter reads at this cue, on the presenter's screen only." });
export const CategoryScriptSchema = z
  .object({ intro: ScriptSchema.optional(), reveal: ScriptSchema.optional(), summary: ScriptSchema.optional() })
  .strict()
  .meta({ id: 'CategoryScript', description: "The presenter's lines for the category's intro, each of its reveals, and its summary." });

const categoryCommon = {
  id: Id,
  title: TextSchema,
  section: TextSchema.optional().meta({ description: 'The section of the award, e.g. the voluntary section.' }),
  field: TextSchema.optional().meta({ description: 'The field within the section.' }),
  description: TextSchema.optional(),
  prize: TextSchema.optional().meta({ description: 'What the recipients receive, e.g. a certificate.' }),
  script: CategoryScriptSchema.optional(),
  mentions: z
    .array(MentionSchema)
    .max(Limits.perCategory)
    .optional()
    .meta({ description: 'Honourable mentions, revealed before the places. Whether the list is there is public (it makes the mentions cue, even when empty); who is in it is secret.' }),
};

export const RankedCategorySchema = z
  .object({
    ...categoryCommon,
    kind: z.literal('ranked'),
    results: z.array(PlaceResultSchema).min(1, 'expected at least one result').max(Limits.perCategory, `expected at most ${Limits.perCategory} results`),
    placeCount: z
      .int('expected a whole number from 1 to 100')
      .min(1, 'expected a whole number from 1 to 100')
      .max(100, 'expected a whole number from 1 to 100')
      .optional()
      .meta({
        description:
          'How many places the category has (public: one reveal cue per place). Default: the length of an explicit revealOrder, else the number of results (or the highest place, if higher).',
      }),
    revealOrder: z
      .union([z.enum(['last-to-first', 'first-to-last']), z.array(z.int().min(1)).min(1).max(Limits.perCategory)])
      .optional()
      .meta({ description: 'Default last-to-first (4th, 3rd, 2nd, 1st); or an explicit list of places.' }),
  })
  .strict();

export const NomineesCategorySchema = z
  .object({
    ...categoryCommon,
    kind: z.literal('nominees'),
    nominees: z.array(NomineeSchema).min(2, 'expected at least two nominees').max(Limits.perCategory, `expected at most ${Limits.perCategory} nominees`),
    winners: z.array(Id).min(1, 'expected at least one winner id').max(Limits.perCategory).meta({ description: 'The ids of the winning nominees (two or more for a tie).' }),
    displayOrder: z
      .array(Id)
      .optional()
      .meta({ description: 'The public order of the nominees: every nominee id once. Default: by name (Persian, then English).' }),
  })
  .strict();

export const CategorySchema = z.discriminatedUnion('kind', [RankedCategorySchema, NomineesCategorySchema]);

const segmentCommon = { id: Id, title: TextSchema.optional(), script: ScriptSchema.optional() };

export const SegmentSchema = z.discriminatedUnion('kind', [
  z.object({ ...segmentCommon, kind: z.literal('opening') }).strict(),
  z.object({ ...segmentCommon, kind: z.literal('speech'), speaker: TextSchema, role: TextSchema.optional() }).strict(),
  z.object({ kind: z.literal('category'), categoryId: Id }).strict(),
  z.object({ ...segmentCommon, kind: z.literal('interlude') }).strict(),
  z.object({ ...segmentCommon, kind: z.literal('closing') }).strict(),
]);

export const OrganizationSchema = z
  .object({ id: Id, name: TextSchema.optional(), logo: ImageIdSchema.optional().meta({ description: "The organization's logo." }) })
  .strict();

export const CeremonySchema = z
  .object({
    $schema: z.string().max(500).optional(),
    schemaVersion: z.literal(CEREMONY_SCHEMA_VERSION),
    id: Id,
    title: TextSchema,
    edition: TextSchema.optional(),
    date: z.iso.date('expected a date as YYYY-MM-DD').meta({ description: 'The local date of the ceremony.' }),
    startTime: z
      .string()
      .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'expected a time as HH:MM')
      .optional(),
    timeZone: z.string().min(1).max(64).meta({ description: 'An IANA time zone, e.g. Asia/Tehran.' }),
    venue: TextSchema.optional(),
    defaultLanguage: z
      .enum(['fa', 'en'])
      .optional()
      .meta({ description: 'The language a screen opens in when its viewer has not chosen one (default: fa). An English-only ceremony says "en".' }),
    participants: z
      .object({ count: z.int().min(0), label: TextSchema.optional() })
      .strict()
      .optional(),
    videoConference: z
      .object({ url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).max(2_000), provider: z.string().max(100).optional(), label: TextSchema.optional() })
      .strict()
      .optional(),
    theme: ThemeSchema.optional().meta({ description: 'How the screens and certificates look (shared/theme.ts); default: the evening theme.' }),
    organizations: z.array(OrganizationSchema).max(Limits.organizations, `expected at most ${Limits.organizations} organizations`).optional(),
    runOfShow: z.array(SegmentSchema).min(1, 'expected at least one segment').max(Limits.runOfShow, `expected at most ${Limits.runOfShow} segments`),
    categories: z.array(CategorySchema).max(Limits.categories, `expected at most ${Limits.categories} categories`),
  })
  .strict();

export type CeremonyText = z.infer<typeof TextSchema>;
export type Recipient = z.infer<typeof RecipientSchema>;
export type Attendance = z.infer<typeof AttendanceSchema>;
export type CategoryScript = z.infer<typeof CategoryScriptSchema>;
export type PlaceResult = z.infer<typeof PlaceResultSchema>;
export type Mention = z.infer<typeof MentionSchema>;
export type Nominee = z.infer<typeof NomineeSchema>;
export type RankedCategory = z.infer<typeof RankedCategorySchema>;
export type NomineesCategory = z.infer<typeof NomineesCategorySchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Segment = z.infer<typeof SegmentSchema>;
export type Organization = z.infer<typeof OrganizationSchema>;
export type CeremonyDefinition = z.infer<typeof CeremonySchema>;
