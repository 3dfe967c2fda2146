import type { CrewRole } from '../../shared/crew';
import { localDigits } from '../../shared/format';
import type { Language } from '../../shared/text';
import type { ApprovalAction, ApprovalView } from '../../shared/two-keys';
import { t, type KeysMessageKey } from './i18n-keys';

const actionKeys: Record<ApprovalAction, KeysMessageKey> = {
  retract: 'actionRetract',
  jump: 'actionJump',
  correction: 'actionCorrection',
  real_rehearsal: 'actionRealRehearsal',
};
const roleKeys: Record<CrewRole, KeysMessageKey> = {
  producer: 'crewProducer',
  operator: 'crewOperator',
  results_officer: 'crewResultsOfficer',
  stage_manager: 'crewStageManager',
  presenter: 'crewPresenter',
};

export const actionName = (action: ApprovalAction, lang: Language) => t(lang, actionKeys[action]);
export const roleName = (role: CrewRole, lang: Language) => t(lang, roleKeys[role]);

/** "1:45" (Persian digits in Persian) until `expiresAt`; never below zero. */
export function timeLeft(expiresAt: number, now: number, lang: Language): string {
  const seconds = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  return localDigits(`${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`, lang);
}

/** A request's outcome in words, once it is decided or expired; null while pending. */
export function outcomeText(request: ApprovalView, lang: Language): string | null {
  const name = request.decidedBy?.name ?? '';
  switch (request.status) {
    case 'pending':
      return null;
    case 'expired':
      return t(lang, 'statusExpired');
    case 'refused':
      return t(lang, 'statusRefused', { name });
    case 'confirmed':
      if (request.outcome && !request.outcome.ok) return t(lang, 'statusFailed', { name, code: request.outcome.error.code });
      return t(lang, 'statusDone', { name });
    default: {
      const never: never = request.status;
      return String(never);
    }
  }
}
