import { describe, expect, it } from 'vitest';
import { previewDefinition } from '../../client/lib/preview-definition';
import type { DraftDefinition } from '../../shared/studio';
import { realRecipientTexts } from '../../shared/stand-ins';
import { sampleCeremony } from '../helpers/ceremony-harness';

/** The sample as a role without results.see gets it (S32): names emptied, winners removed. */
function masked(): DraftDefinition {
  const definition = structuredClone(sampleCeremony()) as unknown as DraftDefinition & { categories: Record<string, unknown>[] };
  const empty = (holder: { recipient: { name: unknown; entry?: unknown } }) => ({ ...holder, recipient: { type: 'person', name: { fa: '', en: '' } } });
  definition.categories = definition.categories.map((c) => ({
    ...c,
    ...(Array.isArray(c.results) ? { results: (c.results as never[]).map(empty) } : {}),
    ...(Array.isArray(c.mentions) ? { mentions: (c.mentions as never[]).map(empty) } : {}),
    ...(c.kind === 'nominees' ? { winners: [] } : {}),
  }));
  return definition;
}

describe('previewDefinition (S32)', () => {
  it('[S32] an unmasked draft is checked as it is', () => {
    const checked = previewDefinition(sampleCeremony() as unknown as DraftDefinition, false);
    expect(checked.ok).toBe(true);
  });

  it('[S32] a masked draft is invalid as it is, but previews with placeholders and no real result', () => {
    expect(previewDefinition(masked(), false).ok).toBe(false);
    const checked = previewDefinition(masked(), true);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const results = JSON.stringify(checked.value.categories.map((c) => (c.kind === 'ranked' ? c.results : c.winners)));
    const ranked = realRecipientTexts(sampleCeremony()).filter((t) => t.length >= 3);
    const nomineeNames = new Set(sampleCeremony().categories.flatMap((c) => (c.kind === 'nominees' ? c.nominees.flatMap((n) => Object.values(n.recipient.name)) : [])));
    for (const text of ranked.filter((t) => !nomineeNames.has(t))) expect(results).not.toContain(text);
  });
});
