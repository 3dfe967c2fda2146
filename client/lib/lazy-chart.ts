/** A chart drawn by a module fetched on demand, so that chart.js is never in a page's first load. */
export interface LazyChart<D> {
  update(data: D): void;
  destroy(): void;
}

export interface LazyChartHooks<C> {
  ready(chart: C): void;
  failed(): void;
  /** After the load, drawn or failed; not called once unmounted. */
  settled?(): void;
}

/**
 * Fetches the chart module with `load` and draws `data()` on `canvas`. The returned function
 * destroys the chart, or drops a load still in flight: call it from the effect's teardown.
 */
export function mountLazyChart<D, C extends LazyChart<D>>(
  load: () => Promise<(canvas: HTMLCanvasElement, data: D) => C>,
  canvas: HTMLCanvasElement,
  data: () => D,
  hooks: LazyChartHooks<C>,
): () => void {
  let alive = true;
  let created: C | null = null;
  void load()
    .then((create) => {
      if (!alive) return;
      created = create(canvas, data());
      hooks.ready(created);
    })
    .catch(() => {
      if (alive) hooks.failed();
    })
    .finally(() => {
      if (alive) hooks.settled?.();
    });
  return () => {
    alive = false;
    created?.destroy();
  };
}
