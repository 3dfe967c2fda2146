import type { Cue } from '../../shared/cues';
import { localDigits } from '../../shared/format';
import type { ReplayMark } from '../../shared/replay';
import { pickText, type Language } from '../../shared/text';
import { t, type ReplayMessageKey } from './i18n-replay';

/** What a replay's controls show and send, whether the replay plays here or in a room on the server. */
export interface ReplayPosition {
  index: number;
  length: number;
  playing: boolean;
  speed: number;
  elapsedMs: number;
  durationMs: number;
  marks: readonly ReplayMark[];
}

const markKinds: Record<ReplayMark['kind'], ReplayMessageKey> = {
  cue: 'eventCueStarted',
  reveal: 'eventResultRevealed',
  retraction: 'eventRevealRetracted',
  hold: 'eventHoldStarted',
  resume: 'eventHoldEnded',
  announcement: 'eventAnnounced',
};

/** `1:05:09` or `05:09`, in the screen's digits. */
export function formatDuration(ms: number, lang: Language): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return localDigits(h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`, lang);
}

export function markKindLabel(mark: ReplayMark, lang: Language): string {
  return t(lang, markKinds[mark.kind]);
}

/** A mark in words: its kind, and the cue's label from the run of show when it has one. */
export function markLabel(mark: ReplayMark, cues: readonly Cue[], lang: Language): string {
  const cue = mark.cueId ? cues.find((c) => c.id === mark.cueId) : undefined;
  const kind = markKindLabel(mark, lang);
  return cue ? t(lang, 'markOf', { kind, label: pickText(cue.label, lang) }) : kind;
}

/** The cue a mark is about, by its label; empty for a hold or an announcement. */
export function markCueLabel(mark: ReplayMark, cues: readonly Cue[], lang: Language): string {
  const cue = mark.cueId ? cues.find((c) => c.id === mark.cueId) : undefined;
  return cue ? pickText(cue.label, lang) : '';
}

/** The last mark reached at `index`: what the replay is showing now. */
export function currentMark(marks: readonly ReplayMark[], index: number): ReplayMark | null {
  return marks.findLast((m) => m.index <= index) ?? null;
}

/**
 * What the "now" section says at this point of a replay: the cue on, the start or the end, or, right
 * after a retraction took the cue off, the retraction itself (never "not started yet" mid-show).
 */
export function replayNow(run: { startedAt: number | null; endedAt: number | null }, cue: Cue | null, mark: ReplayMark | null): 'now' | 'retracted' {
  return run.startedAt !== null && run.endedAt === null && cue === null && mark?.kind === 'retraction' ? 'retracted' : 'now';
}
