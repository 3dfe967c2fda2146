import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json';
import type { RevealedEntry, RevealSlot } from './cues';
import type { PublicEvent } from './events';
import type { Text } from './text';

/**
 * The seal (docs/spec.md S31): before the show, one commitment per reveal cue, a hash of what the
 * reveal will show with a secret random salt; and a root, a hash of them all. Each reveal of the
 * live run then carries its salt, so anyone can recompute its commitment from what was shown.
 * Pure: the same code checks a seal on the server, in the browser and in a one-line script.
 */
export const SEAL_PREFIX = 'podium-seal-v1';

export const SEAL_ALGORITHM =
  'commitment = sha256hex(utf8("podium-seal-v1\\n" + salt + "\\n" + canonicalJson({ ceremonyId, cueId, categoryId, slot, entries }))), entries without their attendance; ' +
  'root = sha256hex(utf8(canonicalJson({ ceremonyId, version, commitments: [{ cueId, commitment }, … in cue order] }))); ' +
  'canonicalJson: JSON with object keys sorted (by UTF-16 code units), no spaces, undefined fields left out.';

/** What one reveal shows, as its `result_revealed` event carries it. */
export interface SealedReveal {
  cueId: string;
  categoryId: string;
  slot: RevealSlot;
  entries: RevealedEntry[];
}

export interface SealCommitment {
  cueId: string;
  commitment: string;
}

/** The public part of a seal: what is published before the show. */
export interface PublicSeal {
  ceremonyId: string;
  version: number;
  root: string;
  commitments: SealCommitment[];
}

/** A reveal as shown, with the salt it carried (none: a rehearsal, or a run not sealed). */
export interface ShownReveal extends SealedReveal {
  salt?: string;
  seq: number;
  /** Withdrawn by a later retract (and not shown again since). */
  retracted: boolean;
}

export const SealVerdicts = {
  match: 'match',
  mismatch: 'mismatch',
  retracted: 'retracted',
  correctedAfterSeal: 'corrected_after_seal',
  notRevealed: 'not_revealed',
} as const;
export type SealVerdict = (typeof SealVerdicts)[keyof typeof SealVerdicts];

export interface CueVerdict {
  cueId: string;
  verdict: SealVerdict;
  /** The commitment recomputed from what was shown (when it was shown with a salt). */
  computed?: string;
  /** How many earlier showings of this cue were retracted (a retract is shown as such, never hidden). */
  withdrawnBefore?: number;
}

export function sha256hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** What of a reveal's entries is sealed: all but the attendance (absent, on behalf), which may be set live after the seal. */
export function sealedEntries(entries: readonly RevealedEntry[]): RevealedEntry[] {
  return entries.map(({ attendance: _attendance, ...entry }) => entry);
}

/** The commitment of one reveal: its salt and exactly what the reveal shows. */
export function commitmentOf(ceremonyId: string, reveal: SealedReveal, salt: string): string {
  const shown = { ceremonyId, cueId: reveal.cueId, categoryId: reveal.categoryId, slot: reveal.slot, entries: sealedEntries(reveal.entries) };
  return sha256hex(`${SEAL_PREFIX}\n${salt}\n${canonicalJson(shown)}`);
}

/** The root: one hash of every commitment, in cue order, with the ceremony and the definition version. */
export function sealRoot(ceremonyId: string, version: number, commitments: readonly SealCommitment[]): string {
  return sha256hex(canonicalJson({ ceremonyId, version, commitments: commitments.map(({ cueId, commitment }) => ({ cueId, commitment })) }));
}

/** Whether a reveal, with the salt it carried, is the one the commitment sealed. */
export function verifyReveal(ceremonyId: string, reveal: SealedReveal & { salt?: string | undefined }, commitment: string): boolean {
  return typeof reveal.salt === 'string' && commitmentOf(ceremonyId, reveal, reveal.salt) === commitment;
}

/**
 * Checks every sealed cue against what was shown: `revealed` in log order (a cue shown again
 * after a retract appears twice: its last showing counts); `correctedCategoryIds` are the
 * categories whose results were corrected after the seal (S17), so a reveal of theirs that does
 * not match is shown as such, not as a forgery.
 */
export function verifyAll(seal: PublicSeal, revealed: readonly ShownReveal[], correctedCategoryIds: readonly string[] = []): { rootMatches: boolean; cues: CueVerdict[] } {
  const last = new Map<string, ShownReveal>();
  for (const reveal of revealed) last.set(reveal.cueId, reveal);
  const corrected = new Set(correctedCategoryIds);
  const verdicts = seal.commitments.map(({ cueId, commitment }): CueVerdict => {
    const reveal = last.get(cueId);
    if (!reveal) return { cueId, verdict: SealVerdicts.notRevealed };
    if (reveal.retracted) return { cueId, verdict: SealVerdicts.retracted };
    const computed = typeof reveal.salt === 'string' ? commitmentOf(seal.ceremonyId, reveal, reveal.salt) : undefined;
    if (computed === commitment) return { cueId, verdict: SealVerdicts.match, computed };
    const verdict = corrected.has(reveal.categoryId) ? SealVerdicts.correctedAfterSeal : SealVerdicts.mismatch;
    return computed === undefined ? { cueId, verdict } : { cueId, verdict, computed };
  });
  const cues = verdicts.map((cue) => {
    const withdrawn = revealed.filter((r) => r.cueId === cue.cueId && r.retracted && r !== last.get(cue.cueId)).length;
    return withdrawn > 0 ? { ...cue, withdrawnBefore: withdrawn } : cue;
  });
  return { rootMatches: sealRoot(seal.ceremonyId, seal.version, seal.commitments) === seal.root, cues };
}

/** A seal's root as people read it: the first `length` hex digits in groups of four. */
export function shortRoot(root: string, length = 8): string {
  return (root.slice(0, length).match(/.{1,4}/g) ?? []).join(' ');
}

/** Every reveal a run's log shows, in order, each marked when a later retract withdrew it. */
export function shownReveals(events: readonly PublicEvent[]): ShownReveal[] {
  const shown: ShownReveal[] = [];
  for (const event of events) {
    if (event.type === 'result_revealed') {
      const { cueId, categoryId, slot, salt, seq } = event;
      shown.push({ cueId, categoryId, slot, entries: sealedEntries(event.entries), ...(salt !== undefined ? { salt } : {}), seq, retracted: false });
    } else if (event.type === 'reveal_retracted') {
      const withdrawn = shown.findLast((r) => r.cueId === event.cueId);
      if (withdrawn) withdrawn.retracted = true;
    }
  }
  return shown;
}

/** GET /api/ceremonies/:id/seal, and the proof file the verify page downloads: the same JSON. */
export type SealProof =
  | { ceremonyId: string; sealed: false }
  | {
      ceremonyId: string;
      sealed: true;
      sealNo: number;
      version: number;
      sealedAt: number;
      sealedBy: string;
      /** The ceremony's time zone: the times of the seal as the hall reads them. */
      timeZone: string;
      root: string;
      algorithm: string;
      commitments: { cueId: string; categoryId: string; slot: RevealSlot | null; label: Text; commitment: string }[];
      revealed: ShownReveal[];
      /** Categories whose results differ from what was sealed (a correction after the seal, S17). */
      corrections: { categoryId: string; cueIds: string[] }[];
      /** The results changed since the seal: before the show, seal again. */
      changedSinceSeal: boolean;
    };

export type SealedProof = Extract<SealProof, { sealed: true }>;

/** Checks a whole proof: the root, and every sealed cue against what was shown. No network. */
export function checkProof(proof: SealedProof): { rootMatches: boolean; cues: CueVerdict[] } {
  return verifyAll(proof, proof.revealed, proof.corrections.map((c) => c.categoryId));
}

const isHex64 = (value: unknown) => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

/** A proof file as read from disk: its shape checked enough to verify it, or null. */
export function parseProof(json: unknown): SealedProof | null {
  if (json === null || typeof json !== 'object') return null;
  const proof = json as Partial<SealedProof>;
  if (proof.sealed !== true || typeof proof.ceremonyId !== 'string' || typeof proof.timeZone !== 'string' || typeof proof.version !== 'number' || !isHex64(proof.root)) return null;
  if (!Array.isArray(proof.commitments) || !proof.commitments.every((c) => c && typeof c.cueId === 'string' && isHex64(c.commitment))) return null;
  if (!Array.isArray(proof.revealed) || !proof.revealed.every((r) => r && typeof r.cueId === 'string' && typeof r.categoryId === 'string' && Array.isArray(r.entries) && r.slot && typeof r.slot === 'object')) return null;
  const corrections = Array.isArray(proof.corrections) ? proof.corrections.filter((c) => c && typeof c.categoryId === 'string') : [];
  return { ...(proof as SealedProof), corrections };
}
