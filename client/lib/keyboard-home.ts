/**
 * Where the console's keyboard goes back to when a dialog closes or a field is left: a focusable
 * but inert element, so that Space and → are GO again at once, and Enter does nothing. Focus left
 * on the button that opened a dialog would make the next Space press that button again.
 */
export const KEYBOARD_HOME_ID = 'console-keyboard-home';

export function returnKeyboardHome(doc: Document = document): void {
  const home = doc.getElementById(KEYBOARD_HOME_ID);
  if (home) {
    home.focus({ preventScroll: true });
    return;
  }
  const active = doc.activeElement;
  if (active instanceof HTMLElement) active.blur();
}
