/** The operator console's keyboard shortcuts, as actions; the help overlay lists the same table. */
export const ShortcutActions = {
  go: 'go',
  holdToggle: 'hold_toggle',
  retract: 'retract',
  announce: 'announce',
  jump: 'jump',
  help: 'help',
} as const;
export type ShortcutAction = (typeof ShortcutActions)[keyof typeof ShortcutActions];

export const shortcutTable: readonly { keys: string[]; action: ShortcutAction }[] = [
  { keys: ['Space', '→'], action: ShortcutActions.go },
  { keys: ['H'], action: ShortcutActions.holdToggle },
  { keys: ['R'], action: ShortcutActions.retract },
  { keys: ['A'], action: ShortcutActions.announce },
  { keys: ['J'], action: ShortcutActions.jump },
  { keys: ['?'], action: ShortcutActions.help },
];

type KeyInput = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target'>;

function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  return el.isContentEditable || el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/** Escape in a field of the page (not of a dialog, where Escape closes the dialog): leave the field. */
export function leavesField(event: Pick<KeyboardEvent, 'key' | 'target'>): boolean {
  if (event.key !== 'Escape' || !isTyping(event.target)) return false;
  return (event.target as Element).closest('dialog') === null;
}

function isActivatable(target: EventTarget | null): boolean {
  return !!target && typeof (target as Element).closest === 'function' && (target as Element).closest('button, a[href], summary') !== null;
}

/**
 * The action a key press asks for, or null. Nothing while typing in a field, and Space on a
 * focused button stays that button's own click (else one press would GO and press the button).
 */
export function shortcutFor(event: KeyInput): ShortcutAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return null;
  if (event.key === '?') return ShortcutActions.help;
  // Arrow keys do not flip in RTL here: "→" is the key's label, as the help overlay shows it.
  if (event.key === 'ArrowRight') return ShortcutActions.go;
  if (event.key === ' ' || event.code === 'Space') return isActivatable(event.target) ? null : ShortcutActions.go;
  // By physical key, so the shortcuts work with a Persian keyboard layout too.
  switch (event.code) {
    case 'KeyH':
      return ShortcutActions.holdToggle;
    case 'KeyR':
      return ShortcutActions.retract;
    case 'KeyA':
      return ShortcutActions.announce;
    case 'KeyJ':
      return ShortcutActions.jump;
    default:
      return null;
  }
}
