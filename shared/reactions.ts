/** The reactions the audience can send with a tap. */
export const ReactionKinds = ['applause', 'heart', 'wow'] as const;
export type ReactionKind = (typeof ReactionKinds)[number];
export type ReactionCounts = Record<ReactionKind, number>;

export function emptyReactionCounts(): ReactionCounts {
  return { applause: 0, heart: 0, wow: 0 };
}
