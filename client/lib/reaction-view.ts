import type { ReactionKind } from '../../shared/reactions';
import type { MessageKey } from './i18n';

/** How each reaction looks and is named; the emoji is decoration, the label is what is read out. */
export const reactionLooks: Record<ReactionKind, { emoji: string; label: MessageKey }> = {
  applause: { emoji: '👏', label: 'reactApplause' },
  heart: { emoji: '❤️', label: 'reactHeart' },
  wow: { emoji: '😮', label: 'reactWow' },
};
