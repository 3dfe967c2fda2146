import type { CeremonyDefinition } from './ceremony';
import type { Text } from './text';
import { parseCeremony, type ParseResult, type Problem } from './validation';

/**
 * The organizers' studio (docs/spec.md S32): a ceremony is edited as a draft, kept on the server
 * whatever its state (an unfinished draft may be invalid), and published as a new definition
 * version (issue 6's versions) that the live run uses.
 */

/** One ceremony as the studio lists it: published, drafted, or both. */
export interface StudioCeremony {
  id: string;
  title: Text;
  date: string | null;
  archived: boolean;
  /** The newest published version, or null when the ceremony exists only as a draft. */
  published: { version: number; hash: string } | null;
  /** The saved draft, or null when there is none (the newest published version is then the draft). */
  draft: DraftStamp | null;
  /** The live run has begun: only a results correction may change the definition now. */
  liveStarted: boolean;
}

/** Who saved a draft last, when, and its revision (each save adds one). */
export interface DraftStamp {
  revision: number;
  updatedAt: number;
  updatedBy: string;
  /** The published version the draft was started from; null for a ceremony never published. */
  basedOn: number | null;
}

/**
 * A draft as GET /api/studio/ceremonies/:id/draft answers it. `definition` is the definition as
 * edited so far, possibly invalid (then `problems` lists why). For a role without `results.see`
 * the results are masked (`masked: true`): the shape is kept, the names are not.
 */
export interface StudioDraft {
  id: string;
  definition: DraftDefinition;
  stamp: DraftStamp | null;
  problems: Problem[];
  masked: boolean;
}

/** A definition being edited: the documented format, but any part may be missing or wrong. */
export type DraftDefinition = Partial<CeremonyDefinition> & Record<string, unknown>;

/** How a new ceremony starts (POST /api/studio/ceremonies). */
export type StudioStart = { from: 'blank' } | { from: 'sample' } | { from: 'duplicate'; sourceId: string };

/** The biggest draft the server keeps: a definition at every limit is far smaller. */
export const MAX_DRAFT_BYTES = 2_000_000;

/** How long results stay shown once shown on purpose in the studio (then hidden again). */
export const RESULTS_SHOWN_MS = 20_000;

/** An image upload's limits (S32): PNG, JPEG or WebP only, no SVG. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];
export const MAX_IMAGE_BYTES = 2_000_000;
export const MAX_IMAGE_SIDE = 4_096;

export interface UploadedImage {
  id: string;
  type: ImageType;
  width: number;
  height: number;
  bytes: number;
}

/**
 * Removes what a form leaves behind when a field is emptied: a language left blank beside a filled
 * one (`{fa: "", en: "Venue"}` is `{en: "Venue"}`), and an optional plain field left blank (a start
 * time, a provider, an image). Nothing else changes: a text blank in both languages stays, so it is
 * refused with the API's own message (the forms drop an optional text emptied in both).
 */
export function tidyDefinition<T>(value: T): T {
  return tidy(value) as T;
}

const blank = (v: unknown) => typeof v === 'string' && v.trim() === '';

function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, inner]) => [key, tidy(inner)] as const);
  const isText = entries.length > 0 && entries.every(([key]) => key === 'fa' || key === 'en');
  const filled = isText && entries.some(([, v]) => typeof v === 'string' && !blank(v));
  return Object.fromEntries(entries.filter(([key, v]) => v !== undefined && !(blank(v) && ((filled && (key === 'fa' || key === 'en')) || OPTIONAL_STRINGS.has(key)))));
}

/** Optional plain fields a form may leave blank (then they are left out). */
const OPTIONAL_STRINGS = new Set(['startTime', 'provider', 'photo', 'logo', 'organizationId']);

/** A new, empty ceremony: valid but for what the organizers must fill in. */
export function blankDefinition(id: string, today: string): DraftDefinition {
  return {
    schemaVersion: 1,
    id,
    title: { fa: '', en: '' },
    date: today,
    timeZone: 'Asia/Tehran',
    runOfShow: [{ kind: 'opening', id: 'opening' }],
    categories: [],
  };
}

/** The check of a draft: the server's own (parseCeremony) on what the form says, tidied. */
export function validateDraft(definition: DraftDefinition): ParseResult<CeremonyDefinition> {
  return parseCeremony(tidyDefinition(definition));
}
