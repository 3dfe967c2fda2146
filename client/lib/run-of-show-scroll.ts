/** A row of a scrolled list: its top and bottom edge, in the list's own coordinates. */
export interface RowBox {
  top: number;
  bottom: number;
}

/**
 * Where the run of show's list should scroll so that the current and the next cue are in view,
 * with the cue before them as context; null when they already are (the operator's own scrolling is
 * left alone) or when there is nothing to show. When both do not fit (after a jump far away), the
 * next cue wins: it is the one GO starts.
 */
export function runOfShowScrollTop(rows: readonly RowBox[], view: { scrollTop: number; height: number }, current: number, next: number): number | null {
  const wanted = [current, next].filter((i) => i >= 0 && i < rows.length);
  if (wanted.length === 0) return null;
  const first = Math.min(...wanted);
  const last = Math.max(...wanted);
  const top = rows[first]!.top;
  const bottom = rows[last]!.bottom;
  if (top >= view.scrollTop && bottom <= view.scrollTop + view.height) return null;
  const context = rows[Math.max(0, first - 1)]!.top;
  if (bottom - context <= view.height) return context;
  if (bottom - top <= view.height) return top;
  const nextRow = rows[next] ?? rows[last]!;
  return nextRow.top;
}
