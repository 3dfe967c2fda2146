/**
 * The audience page's category list on a phone: the category on now first (so it is never 4,000 px
 * down), then the others in the definition's order. Nothing moves when no category is on.
 */
export function categoriesNowFirst<T extends { id: string }>(categories: readonly T[], nowId: string | null): T[] {
  const now = nowId === null ? undefined : categories.find((c) => c.id === nowId);
  return now ? [now, ...categories.filter((c) => c !== now)] : [...categories];
}
