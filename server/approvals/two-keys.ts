import { z } from 'zod';
import { CommandSchema, type Command } from '../../shared/commands';
import { allowed, type Actor, type Principal } from '../../shared/crew';
import { decide } from '../../shared/decide';
import { decideDefinitionChange } from '../../shared/definition-change';
import { ErrorCodes, podiumError, type PodiumError } from '../../shared/errors';
import { LIVE_RUN_ID } from '../../shared/runs';
import { nextCue } from '../../shared/state';
import {
  APPROVAL_SHOWN_MS,
  APPROVAL_TTL_MS,
  ApprovalActions,
  approvalStatus,
  approvalView,
  capabilityOf,
  correctionSummary,
  jumpSummary,
  REAL_REHEARSAL_SUMMARY,
  retractSummary,
  type Approval,
  type ApprovalBoard,
  type ApprovalOutcome,
  type ApprovalPerson,
  type ApprovalView,
  type TwoKeyAction,
  type TwoKeyPolicy,
} from '../../shared/two-keys';
import type { CeremonyDefinition } from '../../shared/ceremony';
import { formatProblems, parseCeremony } from '../../shared/validation';
import { importResultsCsvOffLoop } from '../csv/results-import';
import type { Ceremonies } from '../live/ceremonies';
import type { Logger } from '../logger';
import type { ApprovalStore } from '../storage/approval-store';

export const ApprovalRequestSchema = z
  .object({
    action: z.enum(ApprovalActions),
    /** retract / jump: the command, as POST …/commands takes it. */
    command: z.unknown().optional(),
    /** correction: the whole definition, as PUT /api/ceremonies/:id takes it… */
    definition: z.unknown().optional(),
    /** …or the results CSV, as POST …/results takes it. */
    csv: z.string().max(2_000_000).optional(),
    runId: z.string().max(100).optional(),
  })
  .strict();
export type ApprovalRequest = z.infer<typeof ApprovalRequestSchema>;

export const PolicySchema = z.object({ correction: z.boolean().optional(), realRehearsal: z.boolean().optional(), retract: z.boolean().optional(), jump: z.boolean().optional() }).strict();

export type Answer<T> = { ok: true; value: T } | { ok: false; error: PodiumError; approval?: ApprovalView };

const refuse = (code: PodiumError['code'], message: string): { ok: false; error: PodiumError } => ({ ok: false, error: podiumError(code, message) });

function personOf(principal: Principal): ApprovalPerson {
  return { personId: principal.personId, name: principal.name, role: principal.role, sessionId: principal.sessionId, ...(principal.token ? { token: principal.token } : {}) };
}

function actorOfPerson(person: ApprovalPerson): Actor {
  return { actor: person.name, actorRole: person.role, ...(person.token ? { token: person.token } : {}) };
}

/** What a confirmation executes, and what the request saw (so that it executes only what its summary said). */
interface Payload {
  command?: Command;
  definition?: CeremonyDefinition;
  seen: { nextCueId: string | null; version: number };
}

const cueOf = (cueId: string | undefined) => (cueId === undefined ? {} : { cueId });

const actionWords: Record<TwoKeyAction, string> = { retract: 'A retract', jump: 'A jump', correction: 'A results correction during the live run', realRehearsal: 'A rehearsal on the real results' };

export interface TwoKeysOptions {
  store: ApprovalStore;
  ceremonies: Ceremonies;
  logger: Logger;
  now: () => number;
  newId: () => string;
}

/**
 * Two keys (S30): the policy check of the guarded paths, requests, and their confirmation. Only
 * retract, jump, a correction and a real-results rehearsal ever read the policy: GO never does.
 */
export class TwoKeys {
  private readonly listeners = new Set<(ceremonyId: string) => void>();

  constructor(private readonly options: TwoKeysOptions) {}

  /** Called when a ceremony's policy or requests change on this process (its consoles are told at once). */
  onChange(listener: (ceremonyId: string) => void): void {
    this.listeners.add(listener);
  }

  policy(ceremonyId: string): Promise<TwoKeyPolicy> {
    return this.options.store.policy(ceremonyId);
  }

  async setPolicy(ceremonyId: string, change: z.infer<typeof PolicySchema>, by: Principal): Promise<TwoKeyPolicy> {
    const current = await this.options.store.policy(ceremonyId);
    const policy: TwoKeyPolicy = {
      correction: change.correction ?? current.correction,
      realRehearsal: change.realRehearsal ?? current.realRehearsal,
      retract: change.retract ?? current.retract,
      jump: change.jump ?? current.jump,
      updatedBy: by.name,
      updatedAt: this.options.now(),
    };
    await this.options.store.setPolicy(ceremonyId, policy);
    this.options.logger.info({ ceremonyId, policy, by: by.name }, 'two-keys policy set');
    this.changed(ceremonyId);
    return policy;
  }

  /** The refusal of a guarded action sent without a confirmation, or null: one store read. */
  async guard(ceremonyId: string, action: TwoKeyAction): Promise<PodiumError | null> {
    const policy = await this.options.store.policy(ceremonyId);
    if (!policy[action]) return null;
    return podiumError(
      ErrorCodes.secondKeyRequired,
      `${actionWords[action]} needs a second person's confirmation for this ceremony: ask for it (POST /api/ceremonies/${ceremonyId}/approvals); nothing was changed.`,
    );
  }

  /** What every console of a ceremony sees: the policy, and the requests of the last minutes. */
  async board(ceremonyId: string): Promise<{ full: ApprovalBoard; sealed: ApprovalBoard }> {
    const now = this.options.now();
    const [policy, approvals] = await Promise.all([this.options.store.policy(ceremonyId), this.options.store.recent(ceremonyId, now - APPROVAL_SHOWN_MS)]);
    return {
      full: { policy, requests: approvals.map((a) => approvalView(a, now, true)) },
      sealed: { policy, requests: approvals.map((a) => approvalView(a, now, false)) },
    };
  }

  async view(id: string, principal: Principal): Promise<ApprovalView | null> {
    const approval = await this.options.store.get(id);
    if (!approval || !allowed(principal, 'console.view', approval.ceremonyId)) return null;
    return approvalView(approval, this.options.now(), allowed(principal, 'results.see', approval.ceremonyId));
  }

  /** A request by `principal`, checked now: it is stored only when the action would be accepted now. */
  async request(ceremonyId: string, body: ApprovalRequest, principal: Principal): Promise<Answer<ApprovalView>> {
    const { action } = body;
    if (!allowed(principal, capabilityOf[action], ceremonyId)) {
      return refuse(ErrorCodes.forbidden, `The role "${principal.role}" may not ask for this (it needs ${capabilityOf[action]}).`);
    }
    const prepared = await this.prepare(ceremonyId, body);
    if (!prepared.ok) return prepared;
    const now = this.options.now();
    const approval: Approval = {
      id: this.options.newId(),
      ceremonyId,
      runId: prepared.value.runId,
      action,
      summary: prepared.value.summary,
      requestedBy: personOf(principal),
      requestedAt: now,
      expiresAt: now + APPROVAL_TTL_MS,
      status: 'pending',
    };
    // A retract or jump is executed with the request's id as its command id: a repeat is one command.
    const payload: Payload = {
      ...(prepared.value.command ? { command: { ...prepared.value.command, commandId: approval.id } } : {}),
      ...(prepared.value.definition ? { definition: prepared.value.definition } : {}),
      seen: prepared.value.seen,
    };
    await this.options.store.add(approval, payload);
    this.options.logger.info({ ceremonyId, approvalId: approval.id, action, by: principal.name }, 'two-keys request');
    this.changed(ceremonyId);
    return { ok: true, value: approvalView(approval, now, allowed(principal, 'results.see', ceremonyId)) };
  }

  /**
   * Confirms (and then executes) or refuses a request. The confirmer must be another person, on
   * another session, with the action's capability; of two confirmations one wins (the store's
   * atomic update), on any process.
   */
  async decide(id: string, verdict: 'confirmed' | 'refused', principal: Principal): Promise<Answer<ApprovalView>> {
    const { store, now } = this.options;
    const approval = await store.get(id);
    if (!approval || !allowed(principal, 'console.view', approval.ceremonyId)) return refuse(ErrorCodes.notFound, `There is no request "${id}".`);
    const seesResults = allowed(principal, 'results.see', approval.ceremonyId);
    const shown = (a: Approval) => approvalView(a, now(), seesResults);
    const capability = capabilityOf[approval.action];
    if (!allowed(principal, capability, approval.ceremonyId)) {
      return { ...refuse(ErrorCodes.forbidden, `The role "${principal.role}" may not ${verdict === 'confirmed' ? 'confirm' : 'refuse'} this request (it needs ${capability}).`), approval: shown(approval) };
    }
    const early = this.closed(approval, now());
    if (early) return { ok: false, error: early, approval: shown(approval) };
    const samePerson = principal.personId === approval.requestedBy.personId;
    const sameSession = principal.sessionId === approval.requestedBy.sessionId;
    // The one who asked may withdraw a request (refuse it); confirming takes someone else.
    if (verdict === 'confirmed' && (samePerson || sameSession)) {
      return {
        ...refuse(ErrorCodes.secondPersonRequired, `${approval.requestedBy.name} asked for this: another person, signed in on another device, must confirm it.`),
        approval: shown(approval),
      };
    }
    const decidedAt = now();
    if (!(await store.decide(id, { status: verdict, by: personOf(principal), at: decidedAt }, decidedAt))) {
      const latest = (await store.get(id)) ?? approval;
      return { ok: false, error: this.closed(latest, decidedAt) ?? podiumError(ErrorCodes.approvalDecided, 'This request was decided meanwhile.'), approval: shown(latest) };
    }
    this.options.logger.info({ ceremonyId: approval.ceremonyId, approvalId: id, action: approval.action, verdict, by: principal.name, requestedBy: approval.requestedBy.name }, 'two-keys decision');
    if (verdict === 'refused') {
      this.changed(approval.ceremonyId);
      return { ok: true, value: shown({ ...approval, status: 'refused', decidedBy: personOf(principal), decidedAt }) };
    }
    const outcome = await this.execute(approval, principal, decidedAt).catch((error: unknown): ApprovalOutcome => {
      this.options.logger.error({ approvalId: id, err: error }, 'two-keys execution failed');
      return { ok: false, error: podiumError(ErrorCodes.internal, 'The server could not apply the confirmed action; nothing was changed.') };
    });
    await store.settle(id, outcome);
    this.changed(approval.ceremonyId);
    const settled = shown({ ...approval, status: 'confirmed', decidedBy: personOf(principal), decidedAt, outcome });
    return outcome.ok ? { ok: true, value: settled } : { ok: false, error: outcome.error, approval: settled };
  }

  /** Why a request can no longer be decided, or null. */
  private closed(approval: Approval, now: number): PodiumError | null {
    const status = approvalStatus(approval, now);
    if (status === 'expired') return podiumError(ErrorCodes.approvalExpired, `This request expired (after ${APPROVAL_TTL_MS / 1000} s): nothing was changed. Ask again if it is still needed.`);
    if (status !== 'pending') return podiumError(ErrorCodes.approvalDecided, `This request was already ${status}${approval.decidedBy ? ` by ${approval.decidedBy.name}` : ''}.`);
    return null;
  }

  private async prepare(ceremonyId: string, body: ApprovalRequest): Promise<Answer<{ runId: string; summary: Approval['summary']; command?: Command; definition?: CeremonyDefinition; seen: Payload['seen'] }>> {
    const { ceremonies } = this.options;
    const runId = body.runId ?? LIVE_RUN_ID;
    const run = await ceremonies.run(ceremonyId, body.action === 'retract' || body.action === 'jump' ? runId : LIVE_RUN_ID);
    if (!run) return refuse(ErrorCodes.unknownCeremony, `There is no ceremony "${ceremonyId}" with a run "${runId}".`);
    const seen = { nextCueId: nextCue(run.current)?.id ?? null, version: run.current.version };
    switch (body.action) {
      case 'retract':
      case 'jump': {
        const parsed = CommandSchema.safeParse(body.command);
        if (!parsed.success || parsed.data.type !== body.action) return refuse(ErrorCodes.invalidCommand, `A ${body.action} request needs "command": the ${body.action} command, as POST …/commands takes it.`);
        // Exactly the reveal the summary names: if another is revealed meanwhile, the confirmation is refused (cue_mismatch).
        const command: Command = parsed.data.type === 'retract' ? { ...parsed.data, ...cueOf(parsed.data.cueId ?? run.current.revealStack.at(-1)), confirm: true } : { ...parsed.data, confirm: true };
        const decision = decide(run.current, command, run.definition);
        if (!decision.ok) return decision;
        const summary = command.type === 'retract' ? retractSummary(run.current, command) : command.type === 'jump' ? jumpSummary(run.current, command) : { en: '' };
        const { commandId: _ignored, ...withoutId } = command;
        return { ok: true, value: { runId, summary, command: withoutId as Command, seen } };
      }
      case 'correction': {
        const definition = await this.correctedDefinition(ceremonyId, body, run.definition);
        if (!definition.ok) return definition;
        if (run.current.startedAt === null) return refuse(ErrorCodes.conflict, 'The live run has not begun: an import needs no second person yet (PUT /api/ceremonies/:id).');
        const change = decideDefinitionChange(run.current, run.definition, definition.value, { correction: true, confirm: true });
        if (!change.ok) return change;
        const categoryIds = change.event.correction?.categoryIds ?? [];
        return { ok: true, value: { runId: LIVE_RUN_ID, summary: correctionSummary(run.definition, definition.value, categoryIds), definition: definition.value, seen } };
      }
      case 'real_rehearsal':
        return { ok: true, value: { runId: LIVE_RUN_ID, summary: REAL_REHEARSAL_SUMMARY, seen } };
      default: {
        const never: never = body.action;
        return refuse(ErrorCodes.invalidMessage, `Unknown action ${String(never)}.`);
      }
    }
  }

  private async correctedDefinition(ceremonyId: string, body: ApprovalRequest, current: CeremonyDefinition): Promise<Answer<CeremonyDefinition>> {
    if (body.csv !== undefined) {
      const imported = await importResultsCsvOffLoop(current, body.csv);
      return imported.ok ? imported : refuse(ErrorCodes.invalidCeremony, `The CSV was refused:\n${formatProblems(imported.problems)}`);
    }
    const parsed = parseCeremony(body.definition);
    if (!parsed.ok) return refuse(ErrorCodes.invalidCeremony, `A correction request needs "definition" (the whole definition, as PUT takes it) or "csv":\n${formatProblems(parsed.problems)}`);
    if (parsed.value.id !== ceremonyId) return refuse(ErrorCodes.invalidCeremony, `The definition's id "${parsed.value.id}" is not the ceremony "${ceremonyId}".`);
    return { ok: true, value: parsed.value };
  }

  /** The confirmed action, as the asker's, confirmed by the confirmer (both names in the log). */
  private async execute(approval: Approval, confirmer: Principal, now: number): Promise<ApprovalOutcome> {
    const { ceremonies, store } = this.options;
    const context = { ...actorOfPerson(approval.requestedBy), confirmedBy: confirmer.name, now, fallbackCommandId: approval.id };
    const payload = (await store.payload(approval.id)) as Payload;
    switch (approval.action) {
      case 'retract':
      case 'jump': {
        const run = await ceremonies.run(approval.ceremonyId, approval.runId);
        if (!run) return { ok: false, error: podiumError(ErrorCodes.unknownRun, `Ceremony "${approval.ceremonyId}" has no run "${approval.runId}".`) };
        // A jump "from" another cue than the summary said is not what was confirmed (a retract names its reveal itself).
        const now = nextCue(run.current)?.id ?? null;
        if (approval.action === 'jump' && now !== payload.seen.nextCueId) {
          return { ok: false, error: podiumError(ErrorCodes.cueMismatch, `The next cue changed since the request (from "${payload.seen.nextCueId ?? 'none'}" to "${now ?? 'none'}"): nothing was done. Ask again.`) };
        }
        const result = await run.handle(payload.command, context);
        return result.ok ? { ok: true, seq: result.seq } : result;
      }
      case 'correction': {
        const live = await ceremonies.live(approval.ceremonyId);
        // The summary's "before" is the version the request saw: corrected since, it would not say what happens.
        if (live && live.current.version !== payload.seen.version) {
          return { ok: false, error: podiumError(ErrorCodes.definitionChanged, `The results changed since the request (version ${payload.seen.version}, now ${live.current.version}): nothing was done. Ask again.`) };
        }
        const result = await ceremonies.replace(payload.definition!, { correction: true, confirm: true }, context);
        return result.ok ? { ok: true, version: result.version } : result;
      }
      case 'real_rehearsal': {
        const runId = await ceremonies.startRehearsal(approval.ceremonyId, { realResults: true, ...actorOfPerson(approval.requestedBy), confirmedBy: confirmer.name, now, commandId: approval.id });
        return runId ? { ok: true, runId } : { ok: false, error: podiumError(ErrorCodes.unknownCeremony, `There is no ceremony "${approval.ceremonyId}".`) };
      }
      default: {
        const never: never = approval.action;
        return { ok: false, error: podiumError(ErrorCodes.invalidMessage, `Unknown action ${String(never)}.`) };
      }
    }
  }

  private changed(ceremonyId: string): void {
    for (const listener of this.listeners) listener(ceremonyId);
  }
}

/**
 * Whether a results correction must wait for a second person (S30): only one asked for, once the
 * live run has begun, when the ceremony's policy guards corrections. The import route and the
 * studio's publish both ask this before `ceremonies.replace`.
 */
export async function correctionRefusal(twoKeys: Pick<TwoKeys, 'guard'> | undefined, ceremonies: Pick<Ceremonies, 'live'>, ceremonyId: string, correction: boolean): Promise<PodiumError | null> {
  if (!correction || !twoKeys) return null;
  const begun = (await ceremonies.live(ceremonyId))?.current.startedAt != null;
  return begun ? twoKeys.guard(ceremonyId, 'correction') : null;
}
