import type { CeremonyDefinition } from '../../shared/ceremony';
import { validateDraft, type DraftDefinition } from '../../shared/studio';
import type { ParseResult } from '../../shared/validation';

/** What a masked draft's hidden names become in a preview: never a real name, always valid. */
const HIDDEN_NAME = { fa: 'نام پنهان', en: 'Hidden name' } as const;

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => value !== null && typeof value === 'object' && !Array.isArray(value);
const blank = (text: unknown) => !isObject(text) || Object.values(text).every((v) => typeof v !== 'string' || v.trim() === '');

function withName(holder: unknown): unknown {
  if (!isObject(holder) || !isObject(holder.recipient) || !blank(holder.recipient.name)) return holder;
  return { ...holder, recipient: { ...holder.recipient, name: { ...HIDDEN_NAME } } };
}

/**
 * The definition a preview runs, checked with the server's rules. A masked draft (a role without
 * results.see, S32) has its recipients' names emptied and its winners removed: they are filled
 * with placeholders here (the preview then shows stand-ins of them), so that the role still sees
 * every screen's shape. An unmasked draft is checked as it is.
 */
export function previewDefinition(definition: DraftDefinition, masked: boolean): ParseResult<CeremonyDefinition> {
  if (!masked || !Array.isArray(definition.categories)) return validateDraft(definition);
  const categories = (definition.categories as unknown[]).map((category) => {
    if (!isObject(category)) return category;
    const out: Loose = { ...category };
    for (const key of ['results', 'mentions', 'nominees']) if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(withName);
    const nominees = Array.isArray(out.nominees) ? (out.nominees as Loose[]) : [];
    if (out.kind === 'nominees' && Array.isArray(out.winners) && out.winners.length === 0 && nominees[0]?.id !== undefined) out.winners = [nominees[0].id];
    return out;
  });
  return validateDraft({ ...definition, categories } as DraftDefinition);
}
