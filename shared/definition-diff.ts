import type { Text } from './text';

/**
 * One readable line of what a draft changes since the last published version (S32), e.g.
 * "Category “Best film”: title changed". Results are never named in a diff, only said to have
 * changed: a control room has many eyes.
 */
export interface DefinitionDiffLine {
  change: 'added' | 'removed' | 'changed' | 'moved';
  /** What changed, in Persian and English. */
  text: Text;
}
