import { describe, expect, it } from 'vitest';
import type { RegistryUpdate, ScreenInfo } from '../../shared/protocol';
import { applyRegistryMessage, registryDiff } from '../../shared/registry-diff';

const screen = (id: string, patch: Partial<ScreenInfo> = {}): ScreenInfo => ({ id, role: 'stage', name: id, channel: 'hall', rttMs: null, offsetMs: null, renderedCueId: null, renderedSeq: 0, nudgeMs: 0, connectedAt: 1, ...patch });
const counts: RegistryUpdate['audience'] = { total: 0, renderedLastReveal: 0, listed: 0, byChannel: {} };

describe('registry diffs', () => {
  it('[S21] given a list sent, when screens come, change and go, then the diff names only those, and applying it gives the new list', () => {
    const first = registryDiff(new Map(), [screen('a'), screen('b'), screen('c')]);
    expect(first.added.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    const next = [screen('a'), screen('c', { renderedCueId: 'g2g/place-4' }), screen('d')];
    const diff = registryDiff(first.after, next);
    expect({ added: diff.added.map((s) => s.id), changed: diff.changed.map((s) => s.id), removed: diff.removed }).toEqual({ added: ['d'], changed: ['c'], removed: ['b'] });

    const held = applyRegistryMessage(null, { kind: 'full', screens: [screen('a'), screen('b'), screen('c')], presence: {}, audience: counts });
    const applied = applyRegistryMessage(held, { kind: 'diff', added: diff.added, changed: diff.changed, removed: diff.removed, presence: {}, audience: { ...counts, total: 7 } });
    expect(applied!.screens.map((s) => s.id).sort()).toEqual(['a', 'c', 'd']);
    expect(applied!.screens.find((s) => s.id === 'c')!.renderedCueId).toBe('g2g/place-4');
    expect(applied!.audience.total).toBe(7);
  });

  it('[S21] given no list yet, when a diff comes, then it is ignored until the full list', () => {
    expect(applyRegistryMessage(null, { kind: 'diff', added: [screen('a')], changed: [], removed: [], presence: {}, audience: counts })).toBeNull();
  });
});
