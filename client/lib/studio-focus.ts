import { fieldId } from './studio-categories';

/**
 * A field to go to when a studio page opens (the Check page's links): the page that opens takes it
 * and puts the cursor on the field of that definition path, or on the nearest field above it.
 */
let pending: string | null = null;

export function requestFocus(path: string | undefined): void {
  pending = path ?? null;
}

export function takeFocus(): string | null {
  const path = pending;
  pending = null;
  return path;
}

/** Focuses the field of `path` (`categories[1].title.en` → the English title input), or of its nearest parent. */
export function focusField(path: string): boolean {
  for (let at = path; at !== ''; at = parentPath(at)) {
    const element = document.getElementById(fieldId(at)) ?? document.getElementById(`${fieldId(at)}-fa`);
    if (element) {
      element.scrollIntoView?.({ block: 'center' });
      (element.matches('input, select, textarea, button, [tabindex]') ? element : (element.querySelector<HTMLElement>('input, select, textarea, button') ?? element)).focus();
      return true;
    }
  }
  return false;
}

/** `categories[0].title` → `categories[0]` → `categories` → ''. */
function parentPath(path: string): string {
  const up = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
  return up === path ? '' : up;
}
