import { randomBytes } from 'node:crypto';
import express from 'express';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { actorOf } from '../../shared/crew';
import { entriesForSlot, type Cue } from '../../shared/cues';
import { ErrorCodes, podiumError } from '../../shared/errors';
import { toPublicEvent } from '../../shared/events';
import { commitmentOf, SEAL_ALGORITHM, sealRoot, shownReveals, type SealCommitment, type SealedProof, type SealedReveal } from '../../shared/seal';
import type { CeremonyState, SealState } from '../../shared/state';
import type { OperatorAuth } from '../access/auth';
import { crewAccess, principalIn } from '../http/http-access';
import { sendError } from '../http/http-errors';
import type { BuiltEvents, CeremonyRun } from '../live/ceremony-run';
import type { Ceremonies } from '../live/ceremonies';
import type { Logger } from '../logger';
import type { SealStore, StoredSeal } from '../storage/seal-store';

export interface SealApiOptions {
  ceremonies: Ceremonies;
  seals: SealStore;
  auth: OperatorAuth;
  logger: Logger;
  now: () => number;
  newId: () => string;
}

/** A salt: 32 random bytes, base64url. Made here, on the server; secret until its reveal. */
function newSalt(): string {
  return randomBytes(32).toString('base64url');
}

/** What each reveal cue of a definition will show, exactly as its `result_revealed` event will carry it. */
function revealsOf(cues: readonly Cue[], definition: CeremonyDefinition): { reveals: SealedReveal[]; missing: string[] } {
  const reveals: SealedReveal[] = [];
  const missing = new Set<string>();
  for (const cue of cues) {
    if (cue.kind !== 'reveal' || !cue.slot || !cue.categoryId) continue;
    const category = definition.categories.find((c) => c.id === cue.categoryId);
    const entries = category ? entriesForSlot(category, cue.slot, definition.organizations) : [];
    if (entries.length === 0) missing.add(cue.categoryId);
    reveals.push({ cueId: cue.id, categoryId: cue.categoryId, slot: cue.slot, entries });
  }
  return { reveals, missing: [...missing] };
}

/**
 * The categories whose results differ from what the seal committed to (a later version):
 * recomputed with the seal's salts, on the server only. Cached per seal and version.
 */
function changedCategories(seal: StoredSeal, state: CeremonyState, definition: CeremonyDefinition): { categoryId: string; cueIds: string[] }[] {
  const sealed = new Map(seal.commitments.map((c) => [c.cueId, c.commitment]));
  const changed = new Map<string, string[]>();
  for (const reveal of revealsOf(state.cues, definition).reveals) {
    const commitment = sealed.get(reveal.cueId);
    const salt = seal.salts[reveal.cueId];
    if (commitment === undefined || salt === undefined || commitmentOf(seal.ceremonyId, reveal, salt) !== commitment) {
      changed.set(reveal.categoryId, [...(changed.get(reveal.categoryId) ?? []), reveal.cueId]);
    }
  }
  return [...changed].map(([categoryId, cueIds]) => ({ categoryId, cueIds }));
}

/**
 * Sealing the results (POST, results.seal) and the published seal (GET, public): docs/spec.md S31.
 */
export function createSealApi(options: SealApiOptions): express.Router {
  const { ceremonies, seals, logger } = options;
  const api = express.Router();
  const { need } = crewAccess(options.auth, options.now);
  const stored = new Map<string, Promise<StoredSeal | null>>();
  const changes = new Map<string, { categoryId: string; cueIds: string[] }[]>();

  const storedSeal = (ceremonyId: string, sealNo: number): Promise<StoredSeal | null> => {
    const key = `${ceremonyId}\n${sealNo}`;
    let loading = stored.get(key);
    if (!loading) {
      loading = seals.get(ceremonyId, sealNo);
      stored.set(key, loading);
      loading.then((seal) => seal === null && stored.delete(key)).catch(() => stored.delete(key));
    }
    return loading;
  };

  /** What changed since the seal, for the run's current version. */
  const changesSince = async (run: CeremonyRun, seal: SealState) => {
    const key = `${run.runId}\n${seal.sealNo}\n${run.current.version}`;
    const known = changes.get(key);
    if (known) return known;
    const kept = await storedSeal(run.current.ceremony.id, seal.sealNo);
    const found = kept ? changedCategories(kept, run.current, run.definition) : [];
    if (changes.size > 100) changes.clear();
    changes.set(key, found);
    return found;
  };

  api.post('/ceremonies/:id/seal', need('results.seal'), async (req, res) => {
    const run = await ceremonies.live(String(req.params.id));
    if (!run) return sendError(res, podiumError(ErrorCodes.unknownCeremony, `There is no ceremony "${String(req.params.id)}".`));
    const principal = principalIn(res);
    const now = options.now();
    let kept: StoredSeal | null = null;
    const build = async (state: CeremonyState, definition: CeremonyDefinition): Promise<BuiltEvents> => {
      if (state.startedAt !== null) {
        return { ok: false, error: podiumError(ErrorCodes.conflict, 'The live run has begun: the results can only be sealed before the first cue. The seal made before the show stands.') };
      }
      const { reveals, missing } = revealsOf(state.cues, definition);
      if (missing.length > 0) {
        return { ok: false, error: podiumError(ErrorCodes.resultsMissing, `These categories have reveal cues with no result entered: ${missing.join(', ')}. Enter their results, then seal.`, { categoryIds: missing }) };
      }
      const ceremonyId = state.ceremony.id;
      const salts: Record<string, string> = {};
      const commitments: SealCommitment[] = reveals.map((reveal) => {
        const salt = newSalt();
        salts[reveal.cueId] = salt;
        return { cueId: reveal.cueId, commitment: commitmentOf(ceremonyId, reveal, salt) };
      });
      // Kept (with its salts) before its event is in the log, so every reveal after the event finds them.
      kept = await seals.add({
        ceremonyId,
        version: state.version,
        salts,
        commitments,
        root: sealRoot(ceremonyId, state.version, commitments),
        sealedBy: { name: principal.name, role: principal.role },
        sealedAt: now,
      });
      return { ok: true, events: [{ type: 'results_sealed', sealNo: kept.sealNo, version: kept.version, root: kept.root, commitments, sealedBy: principal.name }] };
    };
    const result = await run.appendBuilt(build, { ...actorOf(principal), now, fallbackCommandId: options.newId() });
    if (!result.ok) return sendError(res, result.error);
    const seal = kept as StoredSeal | null;
    if (!seal) return sendError(res, podiumError(ErrorCodes.internal, 'The seal was not kept.'));
    logger.info({ ceremonyId: seal.ceremonyId, sealNo: seal.sealNo, version: seal.version, root: seal.root, cues: seal.commitments.length }, 'results sealed');
    res.status(201).json({ ok: true, ceremonyId: seal.ceremonyId, sealNo: seal.sealNo, version: seal.version, root: seal.root, seq: result.seq, sealedAt: seal.sealedAt, sealedBy: seal.sealedBy.name });
  });

  api.get('/ceremonies/:id/seal', async (req, res) => {
    const run = await ceremonies.live(String(req.params.id));
    if (!run) return sendError(res, podiumError(ErrorCodes.unknownCeremony, `There is no ceremony "${String(req.params.id)}".`));
    res.set('Cache-Control', 'no-store');
    const state = run.current;
    const ceremonyId = state.ceremony.id;
    const seal = state.seal ?? null;
    if (!seal) return res.json({ ceremonyId, sealed: false });
    const cueOf = (cueId: string) => state.cues.find((c) => c.id === cueId);
    const corrections = await changesSince(run, seal);
    // What every screen has been shown (the same openness as GET state): the reveals, with their salts.
    const revealed = shownReveals((run.eventsAfter(0) ?? []).map(toPublicEvent));
    const proof: SealedProof = {
      ceremonyId,
      sealed: true,
      sealNo: seal.sealNo,
      version: seal.version,
      sealedAt: seal.sealedAt,
      sealedBy: seal.sealedBy,
      timeZone: state.ceremony.timeZone,
      root: seal.root,
      algorithm: SEAL_ALGORITHM,
      commitments: seal.commitments.map(({ cueId, commitment }) => {
        const cue = cueOf(cueId);
        return { cueId, categoryId: cue?.categoryId ?? '', slot: cue?.slot ?? null, label: cue?.label ?? { en: cueId }, commitment };
      }),
      revealed,
      corrections,
      changedSinceSeal: corrections.length > 0,
    };
    res.json(proof);
  });

  return api;
}
