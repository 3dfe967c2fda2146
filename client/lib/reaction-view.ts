import type { ReactionKind } from '../../shared/reactions';
import type { MessageKey } from './i18n';

/** How each reaction is named (what is read out); ReactionIcon draws it. */
export const reactionLooks: Record<ReactionKind, { label: MessageKey }> = {
  applause: { label: 'reactApplause' },
  heart: { label: 'reactHeart' },
  wow: { label: 'reactWow' },
};
