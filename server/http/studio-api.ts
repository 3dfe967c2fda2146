import fs from 'node:fs/promises';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { CeremonySchema } from '../../shared/ceremony';
import { actorOf } from '../../shared/crew';
import { definitionDiff } from '../../shared/definition-diff';
import { ErrorCodes, podiumError } from '../../shared/errors';
import { blankDefinition, MAX_DRAFT_BYTES, tidyDefinition, validateDraft, type DraftDefinition, type DraftStamp, type StudioCeremony, type StudioDraft } from '../../shared/studio';
import type { Text } from '../../shared/text';
import { formatProblems } from '../../shared/validation';
import type { OperatorAuth } from '../access/auth';
import { correctionRefusal, type TwoKeys } from '../approvals/two-keys';
import type { Ceremonies } from '../live/ceremonies';
import type { Logger } from '../logger';
import type { DefinitionVersion, CeremonyStore } from '../storage/event-log';
import { stampOf, type DraftStore, type StoredDraft } from '../storage/draft-store';
import { maskDraft, maskProblems } from '../studio/draft-mask';
import { crewAccess, principalIn } from './http-access';
import { jsonBody } from './http-boundary';
import { sendError } from './http-errors';

export interface StudioApiOptions {
  ceremonies: Ceremonies;
  /** Two keys (S30): a results correction may need a second person's confirmation. */
  twoKeys?: TwoKeys;
  /** The published versions (read only: publishing goes through `ceremonies.replace`). */
  versions: CeremonyStore;
  drafts: DraftStore;
  auth: OperatorAuth;
  logger: Logger;
  /** The fictional sample a new ceremony may start from (ceremonies/sample-awards.json). */
  sampleFile: string;
  now: () => number;
  newId: () => string;
}

/** A draft at its limit, in JSON, plus the rest of the body. */
const BODY_LIMIT = MAX_DRAFT_BYTES + 16_384;

const CeremonyId = CeremonySchema.shape.id;
const CreateSchema = z.discriminatedUnion('from', [
  z.object({ id: z.string(), from: z.literal('blank') }).strict(),
  z.object({ id: z.string(), from: z.literal('sample') }).strict(),
  z.object({ id: z.string(), from: z.literal('duplicate'), sourceId: z.string().min(1).max(200) }).strict(),
]);
const SaveSchema = z.object({ definition: z.record(z.string(), z.unknown()), revision: z.int().min(1).nullable() }).strict();
/** `correction: true`: once the live run has begun, the draft is published as a logged results correction (S17). */
const PublishSchema = z.object({ revision: z.int().min(1), correction: z.boolean().optional() }).strict();
const ArchiveSchema = z.object({ archived: z.boolean() }).strict();

/** Today's date (YYYY-MM-DD) in a time zone, by the server's clock. */
function today(now: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
}

/** A draft's title as a Text (a draft may hold anything there). */
function textOf(value: unknown): Text {
  const text: Text = {};
  if (value !== null && typeof value === 'object') {
    const { fa, en } = value as Record<string, unknown>;
    if (typeof fa === 'string') text.fa = fa;
    if (typeof en === 'string') text.en = en;
  }
  return text;
}

/**
 * The organizers' studio (docs/api.md "Studio", docs/spec.md S32): drafts kept on the server,
 * saved by revision, published as a definition version through the same path as an import.
 * A published draft is deleted: the new version is the draft again.
 */
export function createStudioApi(options: StudioApiOptions): express.Router {
  const { ceremonies, versions, drafts, logger } = options;
  const api = express.Router();
  const { may, need } = crewAccess(options.auth, options.now);
  const body = jsonBody(String(BODY_LIMIT));
  /** Publishing one ceremony at a time in this process: two clicks publish one version. */
  const publishing = new Map<string, Promise<unknown>>();

  const idIn = (req: Request) => String(req.params.id);
  const notFound = (res: Response, id: string) => sendError(res, podiumError(ErrorCodes.unknownCeremony, `The studio has no ceremony "${id}": neither a draft nor a published version.`));

  const liveStarted = async (id: string, published: boolean) => published && (await ceremonies.live(id))?.current.startedAt != null;

  const entryOf = async (req: Request, id: string, newest: DefinitionVersion | null, stamp: (DraftStamp & { title: unknown; date: unknown }) | null, archived: boolean): Promise<StudioCeremony> => ({
    id,
    title: textOf(stamp ? stamp.title : newest?.definition.title),
    date: stamp ? (typeof stamp.date === 'string' ? stamp.date : null) : (newest?.definition.date ?? null),
    archived,
    // The hash is the results' fingerprint: a role that may not see them could test guesses against it.
    published: newest ? { version: newest.version, hash: may(req, 'results.see') ? newest.hash : '' } : null,
    draft: stamp ? stampOf(stamp) : null,
    liveStarted: await liveStarted(id, newest !== null),
  });

  const entry = async (req: Request, id: string): Promise<StudioCeremony | null> => {
    const [newest, record] = await Promise.all([versions.get(id), drafts.list().then((all) => all.find((r) => r.ceremonyId === id))]);
    if (!newest && !record?.draft) return null;
    return entryOf(req, id, newest, record?.draft ?? null, record?.archived ?? false);
  };

  /** The draft as this request may see it: masked without results.see. */
  const draftAnswer = (req: Request, id: string, definition: DraftDefinition, stamp: DraftStamp | null): StudioDraft => {
    const checked = validateDraft(definition);
    const problems = checked.ok ? [] : checked.problems;
    if (may(req, 'results.see')) return { id, definition, stamp, problems, masked: false };
    return { id, definition: maskDraft(definition), stamp, problems: maskProblems(problems), masked: true };
  };

  /** The draft, or the newest published version when there is none; null when neither. */
  const current = async (id: string): Promise<{ definition: DraftDefinition; draft: StoredDraft | null; newest: DefinitionVersion | null } | null> => {
    const [draft, newest] = await Promise.all([drafts.get(id), versions.get(id)]);
    if (draft) return { definition: draft.definition, draft, newest };
    return newest ? { definition: newest.definition as DraftDefinition, draft: null, newest } : null;
  };

  const tooBig = (definition: DraftDefinition) => Buffer.byteLength(JSON.stringify(definition)) > MAX_DRAFT_BYTES;

  api.get('/studio/ceremonies', need('console.view'), async (req, res) => {
    const [published, records] = await Promise.all([ceremonies.list(), drafts.list()]);
    const byId = new Map(records.map((r) => [r.ceremonyId, r]));
    const ids = [...published.map((c) => c.id), ...records.filter((r) => r.draft && !published.some((c) => c.id === r.ceremonyId)).map((r) => r.ceremonyId)];
    const list = await Promise.all(
      ids.map(async (id) => {
        const record = byId.get(id);
        return entryOf(req, id, await versions.get(id), record?.draft ?? null, record?.archived ?? false);
      }),
    );
    res.set('Cache-Control', 'no-store').json(list);
  });

  api.post('/studio/ceremonies', need('results.edit'), body, async (req, res) => {
    const parsed = CreateSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, podiumError(ErrorCodes.invalidMessage, 'Send {"id", "from": "blank" | "sample" | "duplicate", "sourceId" (for a duplicate)}.'));
    const start = parsed.data;
    if (!CeremonyId.safeParse(start.id).success) return sendError(res, podiumError(ErrorCodes.invalidMessage, `The id "${start.id.slice(0, 80)}" is not a ceremony id: lowercase letters, digits and dashes (at most 64), starting with a letter or digit.`));
    if ((await versions.get(start.id)) || (await drafts.get(start.id))) return sendError(res, podiumError(ErrorCodes.conflict, `There is already a ceremony "${start.id}": choose another id.`));
    let definition: DraftDefinition;
    if (start.from === 'blank') definition = blankDefinition(start.id, today(options.now(), 'Asia/Tehran'));
    else if (start.from === 'sample') definition = { ...(JSON.parse(await fs.readFile(options.sampleFile, 'utf8')) as DraftDefinition), id: start.id };
    else {
      const source = await current(start.sourceId);
      if (!source) return notFound(res, start.sourceId);
      definition = { ...structuredClone(source.definition), id: start.id };
    }
    const saved = await drafts.save({ ceremonyId: start.id, definition, updatedAt: options.now(), updatedBy: principalIn(res).name, basedOn: null }, null);
    // Another tab (or process) made it a moment ago.
    if (!saved) return sendError(res, podiumError(ErrorCodes.conflict, `There is already a ceremony "${start.id}": choose another id.`));
    await drafts.setArchived(start.id, false);
    logger.info({ ceremonyId: start.id, from: start.from, revision: saved.revision }, 'studio: ceremony created');
    res.status(201).json(draftAnswer(req, start.id, saved.definition, stampOf(saved)));
  });

  api.get('/studio/ceremonies/:id/draft', need('console.view'), async (req, res) => {
    const found = await current(idIn(req));
    if (!found) return notFound(res, idIn(req));
    res.set('Cache-Control', 'no-store').json(draftAnswer(req, idIn(req), found.definition, found.draft ? stampOf(found.draft) : null));
  });

  api.put('/studio/ceremonies/:id/draft', need('results.edit'), body, async (req, res) => {
    const id = idIn(req);
    const parsed = SaveSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, podiumError(ErrorCodes.invalidMessage, 'Send {"definition": the definition as edited (an object), "revision": the revision it was made on, or null for a new draft}.'));
    const definition = parsed.data.definition as DraftDefinition;
    if (tooBig(definition)) return sendError(res, podiumError(ErrorCodes.invalidMessage, `A draft is at most ${MAX_DRAFT_BYTES} bytes of JSON.`));
    if (definition.id !== undefined && definition.id !== id) return sendError(res, podiumError(ErrorCodes.invalidMessage, `The draft's id must stay "${id}" (a copy under another id is a duplicate).`));
    const newest = await versions.get(id);
    const existing = await drafts.get(id);
    if (!newest && !existing) return notFound(res, id);
    // A new draft starts from the newest published version; a save keeps what its draft was based on.
    const basedOn = parsed.data.revision === null ? (newest?.version ?? null) : (existing?.basedOn ?? newest?.version ?? null);
    const saved = await drafts.save({ ceremonyId: id, definition, updatedAt: options.now(), updatedBy: principalIn(res).name, basedOn }, parsed.data.revision);
    if (!saved) {
      const now = await drafts.get(id);
      const why = now ? `${now.updatedBy} saved revision ${now.revision} since` : 'the draft was discarded or published since';
      return sendError(res, podiumError(ErrorCodes.conflict, `Not saved: ${why} (this was made on ${parsed.data.revision === null ? 'no draft' : `revision ${parsed.data.revision}`}). Reload the draft, then make the change again.`));
    }
    res.json(draftAnswer(req, id, saved.definition, stampOf(saved)));
  });

  api.delete('/studio/ceremonies/:id/draft', need('results.edit'), async (req, res) => {
    const id = idIn(req);
    const newest = await versions.get(id);
    const draft = await drafts.get(id);
    if (!draft && !newest) return notFound(res, id);
    // Never published: the draft is all there is of the ceremony; it is archived, never lost by a click.
    if (!newest) return sendError(res, podiumError(ErrorCodes.conflict, `Ceremony "${id}" has never been published: its draft is all there is. Archive it instead.`));
    await drafts.discard(id);
    res.json(draftAnswer(req, id, newest.definition as DraftDefinition, null));
  });

  api.get('/studio/ceremonies/:id/diff', need('console.view'), async (req, res) => {
    const found = await current(idIn(req));
    if (!found) return notFound(res, idIn(req));
    const lines = found.draft ? definitionDiff(found.newest?.definition ?? null, found.draft.definition) : [];
    res.set('Cache-Control', 'no-store').json({ lines, basedOn: found.newest?.version ?? null });
  });

  api.post('/studio/ceremonies/:id/publish', need('results.edit'), body, async (req, res) => {
    const id = idIn(req);
    const parsed = PublishSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, podiumError(ErrorCodes.invalidMessage, 'Send {"revision": the revision of the draft to publish} (and "correction": true for a results correction once the live run has begun).'));
    const turn = (publishing.get(id) ?? Promise.resolve()).then(() => publishDraft(res, id, parsed.data.revision, parsed.data.correction === true));
    publishing.set(id, turn.catch(() => undefined));
    await turn;
  });

  const publishDraft = async (res: Response, id: string, revision: number, correction: boolean) => {
    const draft = await drafts.get(id);
    if (!draft || draft.revision !== revision) {
      const why = draft ? `the draft is at revision ${draft.revision} (${draft.updatedBy} saved since)` : 'there is no draft (it was published or discarded)';
      return sendError(res, podiumError(ErrorCodes.conflict, `Not published: ${why}. Reload the draft.`));
    }
    const checked = validateDraft(draft.definition);
    if (!checked.ok) return sendError(res, { ...podiumError(ErrorCodes.invalidCeremony, `The ceremony is not valid:\n${formatProblems(checked.problems)}`), problems: checked.problems });
    if (checked.value.id !== id) return sendError(res, podiumError(ErrorCodes.invalidCeremony, `The definition's id "${checked.value.id}" is not the id in the URL "${id}".`));
    // Exactly as an import (PUT /api/ceremonies/:id): once the live run has begun, refused unless it
    // is a results correction (the studio's button is its confirmation), which two keys may guard.
    const refusal = await correctionRefusal(options.twoKeys, ceremonies, id, correction);
    if (refusal) return sendError(res, refusal);
    const change = { correction, confirm: correction };
    const result = await ceremonies.replace(checked.value, change, { ...actorOf(principalIn(res)), now: options.now(), fallbackCommandId: options.newId() });
    if (!result.ok) return sendError(res, result.error);
    // The published version is the draft now (unless someone saved a newer one meanwhile: it stays).
    await drafts.discard(id, revision);
    logger.info({ ceremonyId: id, revision, version: result.version, outcome: result.outcome, corrected: result.corrected }, 'studio: draft published');
    res.status(result.outcome === 'created' ? 201 : 200).json({ version: result.version, hash: result.hash, outcome: result.outcome, corrected: result.corrected });
  };

  api.post('/studio/ceremonies/:id/archive', need('results.edit'), body, async (req, res) => {
    const id = idIn(req);
    const parsed = ArchiveSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, podiumError(ErrorCodes.invalidMessage, 'Send {"archived": true} or {"archived": false}.'));
    if (!(await entry(req, id))) return notFound(res, id);
    await drafts.setArchived(id, parsed.data.archived);
    res.json(await entry(req, id));
  });

  api.get('/studio/ceremonies/:id/export', need('results.see'), async (req, res) => {
    const id = idIn(req);
    const which = req.query.which ?? 'draft';
    if (which !== 'draft' && which !== 'published') return sendError(res, podiumError(ErrorCodes.invalidMessage, 'which= is draft or published.'));
    const found = await current(id);
    if (!found) return notFound(res, id);
    const definition = which === 'published' ? found.newest?.definition : found.definition;
    if (!definition) return sendError(res, podiumError(ErrorCodes.notFound, `Ceremony "${id}" has never been published: export its draft.`));
    const name = which === 'draft' && found.draft ? `${id}-draft.json` : `${id}.json`;
    res
      .set({ 'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="${name}"` })
      .type('application/json')
      .send(`${JSON.stringify(tidyDefinition(definition), null, 2)}\n`);
  });

  return api;
}
