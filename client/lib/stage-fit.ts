import type { CategoryStanding } from './ceremony-view';

/**
 * How many rows a category summary shows: one per recipient of each place (a tie is several), one
 * for a place not yet announced, one per nominee and per mention, and one for each list's heading.
 */
export function summaryRows(standing: CategoryStanding): number {
  const places = standing.places.reduce((rows, { entries }) => rows + Math.max(1, entries?.length ?? 0), 0);
  const mentions = standing.mentions ? standing.mentions.length + 1 : 0;
  const nominees = standing.nominees.length > 0 ? standing.nominees.length + 1 : 0;
  return places + mentions + nominees;
}

/** More rows than this and the stage lays a summary out in two columns, so its type stays large. */
export const ONE_COLUMN_ROWS = 4;
/** The smallest the stage shrinks a summary's type to: still legible in a compressed 720p call. */
export const MIN_FIT = 0.6;

/**
 * Fits an element's content into its box: sets `--fit` (1 down to MIN_FIT) on it, which its
 * font size multiplies, as long as the content overflows. Again whenever the box is resized or the
 * content changes. A Svelte attachment; returns its cleanup.
 */
export function fitContent(box: HTMLElement): () => void {
  let frame = 0;
  const fit = () => {
    frame = 0;
    let scale = 1;
    box.style.setProperty('--fit', '1');
    // Type shrinks the content's area by about the square of the scale: a few steps converge.
    for (let step = 0; step < 6 && scale > MIN_FIT && overflows(box); step++) {
      const ratio = box.clientHeight / box.scrollHeight;
      scale = Math.max(MIN_FIT, Math.min(scale - 0.02, scale * Math.sqrt(ratio)));
      box.style.setProperty('--fit', scale.toFixed(3));
    }
  };
  const later = () => {
    if (!frame) frame = requestAnimationFrame(fit);
  };
  fit();
  const resized = new ResizeObserver(later);
  resized.observe(box);
  const changed = new MutationObserver(later);
  changed.observe(box, { childList: true, subtree: true, characterData: true });
  // Web fonts change every measure once they arrive.
  void document.fonts?.ready.then(later);
  return () => {
    resized.disconnect();
    changed.disconnect();
    if (frame) cancelAnimationFrame(frame);
  };
}

/** Too tall only: text wraps to the width, and a row's entrance (a short slide) must not count. */
function overflows(box: HTMLElement): boolean {
  return box.scrollHeight > box.clientHeight + 1;
}
