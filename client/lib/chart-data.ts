import type { PublicCategory } from '../../shared/cues';
import { localDigits } from '../../shared/format';
import type { CeremonyState } from '../../shared/state';
import { pickText, type Language } from '../../shared/text';
import { slotLabel } from './ceremony-view';
import { t } from './i18n';

/** What the lazily loaded bar chart draws: plain data, so building it does not load chart.js. */
export interface BarChartData {
  labels: string[];
  /** Long form of each bar for the tooltip: «رتبه چهارم: …». */
  details: string[];
  values: number[];
  /** Scores are drawn as they are; places as a podium height (1st tallest) with no value axis. */
  measure: 'score' | 'place';
  axisLabel: string;
  rtl: boolean;
  formatValue: (value: number) => string;
}

const MAX_LABEL = 28;

function shorten(s: string): string {
  return s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s;
}

export function chartData(state: CeremonyState, category: PublicCategory, lang: Language): BarChartData {
  const results = (state.results[category.id] ?? []).filter((r) => r.slot.kind !== 'mentions');
  const bars = results.flatMap((r) => r.entries.map((entry) => ({ result: r, entry })));
  const scored = bars.length > 0 && bars.every((b) => b.entry.score !== undefined);
  const maxPlace = Math.max(1, ...category.places);
  // Best first in reading order: 1st place (or the winner) at the start of the line.
  const rank = (b: (typeof bars)[number]) => (b.result.slot.kind === 'place' ? b.result.slot.place : 0);
  bars.sort((a, b) => rank(a) - rank(b));
  return {
    labels: bars.map((b) => shorten(pickText(b.entry.recipient.name, lang))),
    details: bars.map((b) => `${slotLabel(b.result.slot, lang)}: ${pickText(b.entry.recipient.name, lang)}`),
    values: bars.map((b) => (scored ? b.entry.score! : maxPlace + 1 - Math.max(rank(b), 1))),
    measure: scored ? 'score' : 'place',
    axisLabel: t(lang, scored ? 'chartScoreAxis' : 'chartPlaceAxis'),
    rtl: lang === 'fa',
    formatValue: (value) => localDigits(value, lang),
  };
}
