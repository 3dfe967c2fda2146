import type { CeremonyDefinition } from './ceremony';
import type { Command } from './commands';
import type { Capability, CrewRole } from './crew';
import { buildCues, entriesForSlot, type Cue, type RevealedEntry } from './cues';
import type { PodiumError } from './errors';
import { localDigits, placeLabel } from './format';
import { nextCue, type CeremonyState } from './state';
import { pickText, type Language, type Text } from './text';

/**
 * Two keys (docs/spec.md S30): per ceremony, the actions that cannot be undone may need a second
 * person's confirmation. The first person asks; another person, on another session, with the
 * right role, sees exactly what will happen and confirms or refuses, within APPROVAL_TTL_MS.
 */
export const TwoKeyActions = ['correction', 'realRehearsal', 'retract', 'jump'] as const;
export type TwoKeyAction = (typeof TwoKeyActions)[number];

/** Which actions need a second person; all off by default. */
export interface TwoKeyPolicy {
  correction: boolean;
  realRehearsal: boolean;
  retract: boolean;
  jump: boolean;
  /** Who set it last, and when (ms); missing while never set. */
  updatedBy?: string;
  updatedAt?: number;
}

export const DEFAULT_TWO_KEY_POLICY: TwoKeyPolicy = { correction: false, realRehearsal: false, retract: false, jump: false };

/** How long a request waits for its second person. */
export const APPROVAL_TTL_MS = 120_000;
/** How long a decided or expired request stays on the consoles' list (its outcome shown). */
export const APPROVAL_SHOWN_MS = 5 * 60_000;

/** What a request asks for, as the API names it. */
export const ApprovalActions = ['retract', 'jump', 'real_rehearsal', 'correction'] as const;
export type ApprovalAction = (typeof ApprovalActions)[number];

/** The policy switch of each action. */
export const policyKeyOf: Record<ApprovalAction, TwoKeyAction> = { retract: 'retract', jump: 'jump', real_rehearsal: 'realRehearsal', correction: 'correction' };

/** What the asker and the confirmer must each be able to do. */
export const capabilityOf: Record<ApprovalAction, Capability> = { retract: 'run.drive', jump: 'run.drive', real_rehearsal: 'rehearsal.real', correction: 'results.edit' };

export const ApprovalStatuses = ['pending', 'confirmed', 'refused', 'expired'] as const;
export type ApprovalStatus = (typeof ApprovalStatuses)[number];

/** A person as a request names them (the session is the server's own: never sent to a console). */
export interface ApprovalPerson {
  personId: string;
  name: string;
  role: CrewRole;
  sessionId: string;
  token?: string;
}

/** What the confirmed action did: the command's seq, the rehearsal's run, the new version; or why it was refused. */
export type ApprovalOutcome = { ok: true; seq?: number; runId?: string; version?: number } | { ok: false; error: PodiumError };

/** A request as the server keeps it. `payload`: the command or the definition to execute. */
export interface Approval {
  id: string;
  ceremonyId: string;
  runId: string;
  action: ApprovalAction;
  /** Exactly what will happen, in both languages; a correction's holds unrevealed results. */
  summary: Text;
  requestedBy: ApprovalPerson;
  requestedAt: number;
  expiresAt: number;
  /** As stored: `pending` stays until decided; `approvalStatus` reads an expired one as such. */
  status: ApprovalStatus;
  decidedBy?: ApprovalPerson;
  decidedAt?: number;
  outcome?: ApprovalOutcome;
}

/** What a console is shown of a request: no session ids, no payload; `sealed` when its summary is withheld. */
export interface ApprovalView {
  id: string;
  ceremonyId: string;
  runId: string;
  action: ApprovalAction;
  summary: Text;
  /** The summary holds unrevealed results this console may not see: it says only that a request exists. */
  sealed: boolean;
  requestedBy: { personId: string; name: string; role: CrewRole };
  requestedAt: number;
  expiresAt: number;
  status: ApprovalStatus;
  decidedBy?: { personId: string; name: string; role: CrewRole };
  decidedAt?: number;
  outcome?: ApprovalOutcome;
}

/** What every console of a ceremony is pushed (`approvals`): the policy and the requests of the last minutes. */
export interface ApprovalBoard {
  policy: TwoKeyPolicy;
  requests: ApprovalView[];
}

/** A pending request past its time is expired, whatever the store still says. */
export function approvalStatus(approval: Pick<Approval, 'status' | 'expiresAt'>, now: number): ApprovalStatus {
  return approval.status === 'pending' && now >= approval.expiresAt ? 'expired' : approval.status;
}

const personView = (p: ApprovalPerson) => ({ personId: p.personId, name: p.name, role: p.role });

export const SEALED_CORRECTION_SUMMARY: Text = {
  fa: 'اصلاح نتایج در انتظار تأیید نفر دوم است.',
  en: 'A results correction is awaiting confirmation.',
};

/** A request for a console; `seesResults` false: a correction's summary (unrevealed results) is withheld. */
export function approvalView(approval: Approval, now: number, seesResults: boolean): ApprovalView {
  const sealed = approval.action === 'correction' && !seesResults;
  return {
    id: approval.id,
    ceremonyId: approval.ceremonyId,
    runId: approval.runId,
    action: approval.action,
    summary: sealed ? SEALED_CORRECTION_SUMMARY : approval.summary,
    sealed,
    requestedBy: personView(approval.requestedBy),
    requestedAt: approval.requestedAt,
    expiresAt: approval.expiresAt,
    status: approvalStatus(approval, now),
    ...(approval.decidedBy ? { decidedBy: personView(approval.decidedBy) } : {}),
    ...(approval.decidedAt !== undefined ? { decidedAt: approval.decidedAt } : {}),
    // A refused correction's message may name a category: the outcome is plain for everyone but its details.
    ...(approval.outcome ? { outcome: sealed && !approval.outcome.ok ? { ok: false, error: { code: approval.outcome.error.code, message: '' } } : approval.outcome } : {}),
  };
}

// ---- summaries: built on the server, in both languages ----

const both = (make: (lang: Language) => string): Text => ({ fa: make('fa'), en: make('en') });
const cueText = (cue: Cue | undefined, lang: Language) => (cue ? pickText(cue.label, lang) : lang === 'fa' ? '(هیچ)' : '(none)');
const namesOf = (entries: readonly RevealedEntry[], lang: Language) =>
  entries.length === 0 ? (lang === 'fa' ? 'بدون دریافت‌کننده' : 'no recipient') : entries.map((e) => pickText(e.recipient.name, lang)).join(lang === 'fa' ? '، ' : ', ');

/** Retract: which reveal (its cue, the names revealed) and the reason. */
export function retractSummary(state: CeremonyState, command: Extract<Command, { type: 'retract' }>): Text {
  const cueId = state.revealStack.at(-1);
  const cue = state.cues.find((c) => c.id === cueId);
  const entries = (cue?.categoryId ? state.results[cue.categoryId]?.find((r) => r.cueId === cueId)?.entries : undefined) ?? [];
  return both((lang) => {
    const reason = pickText(command.reason, lang);
    return lang === 'fa'
      ? `اعلام «${cueText(cue, 'fa')}» (${namesOf(entries, 'fa')}) از همهٔ صفحه‌ها پس گرفته می‌شود.${reason ? ` دلیل: ${reason}` : ' بدون دلیل.'}`
      : `The reveal “${cueText(cue, 'en')}” (${namesOf(entries, 'en')}) will be withdrawn from every screen.${reason ? ` Reason: ${reason}` : ' No reason given.'}`;
  });
}

/** Jump: from which cue to which cue. */
export function jumpSummary(state: CeremonyState, command: Extract<Command, { type: 'jump' }>): Text {
  const from = nextCue(state) ?? undefined;
  const to = state.cues.find((c) => c.id === command.cueId);
  return both((lang) =>
    lang === 'fa'
      ? `گام بعدی از «${cueText(from, 'fa')}» به «${cueText(to, 'fa')}» تغییر می‌کند؛ اجرای بعدی آن را آغاز می‌کند.`
      : `The next cue changes from “${cueText(from, 'en')}” to “${cueText(to, 'en')}”: the next GO starts it.`,
  );
}

export const REAL_REHEARSAL_SUMMARY: Text = {
  fa: 'تمرینی با نتایج واقعی آغاز می‌شود: همهٔ صفحه‌های تمرین برندگان واقعی را نشان خواهند داد.',
  en: 'A rehearsal on the real results starts: every rehearsal screen will show the real winners.',
};

const slotName = (cue: Cue, lang: Language) => {
  const slot = cue.slot!;
  if (slot.kind === 'place') return placeLabel(slot.place, lang);
  if (slot.kind === 'mentions') return lang === 'fa' ? 'تقدیرها' : 'mentions';
  return lang === 'fa' ? 'برنده' : 'winner';
};

/** A correction: for each corrected category, each of its reveals whose results change, before and after. */
export function correctionSummary(current: CeremonyDefinition, next: CeremonyDefinition, categoryIds: readonly string[]): Text {
  const cues = buildCues(next);
  return both((lang) => {
    const lines = categoryIds.map((id) => {
      const before = current.categories.find((c) => c.id === id);
      const after = next.categories.find((c) => c.id === id)!;
      const changes = cues
        .filter((cue) => cue.categoryId === id && cue.slot)
        .flatMap((cue) => {
          const was = before ? entriesForSlot(before, cue.slot!) : [];
          const will = entriesForSlot(after, cue.slot!);
          if (namesOf(was, 'en') === namesOf(will, 'en') && namesOf(was, 'fa') === namesOf(will, 'fa')) return [];
          return [lang === 'fa' ? `${slotName(cue, 'fa')}: ${namesOf(was, 'fa')} ← ${namesOf(will, 'fa')}` : `${slotName(cue, 'en')}: ${namesOf(was, 'en')} → ${namesOf(will, 'en')}`];
        });
      const title = pickText(after.title, lang);
      const list = changes.length > 0 ? changes.join(lang === 'fa' ? '؛ ' : '; ') : lang === 'fa' ? 'جزئیات نتایج (امتیازها) تغییر می‌کند' : 'result details (scores) change';
      return lang === 'fa' ? `«${title}»: ${list}` : `“${title}”: ${list}`;
    });
    const head = lang === 'fa' ? `اصلاح نتایج ${localDigits(categoryIds.length, 'fa')} بخش (پیش ← پس):` : `A results correction of ${categoryIds.length} categor${categoryIds.length === 1 ? 'y' : 'ies'} (before → after):`;
    return [head, ...lines].join('\n');
  });
}
