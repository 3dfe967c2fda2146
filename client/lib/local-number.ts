/**
 * What a person typed in a number field, with ASCII digits: Persian (۰–۹) and Arabic-Indic (٠–٩)
 * digits become 0–9, and the Persian decimal separator (٫) or a comma becomes a point. Each
 * character stays one character, so a caret position in the typed text is one in the result.
 * Anything else is left as typed, for the caller's validation to refuse.
 */
export function asciiNumber(typed: string): string {
  return typed.replace(/[\u06F0-\u06F9\u0660-\u0669\u066B,]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
    if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
    return '.';
  });
}
