import type { RegistryMessage, RegistryUpdate, ScreenInfo } from './protocol';

/**
 * The registry as a console holds it, after one more message: a full list replaces it, a diff
 * changes only the screens it names. A diff before any full list is ignored (the full one follows).
 */
export function applyRegistryMessage(current: RegistryUpdate | null, message: RegistryMessage): RegistryUpdate | null {
  if (message.kind === 'full') return { screens: message.screens, presence: message.presence, audience: message.audience };
  if (!current) return null;
  const removed = new Set(message.removed);
  const byId = new Map<string, ScreenInfo>(current.screens.filter((s) => !removed.has(s.id)).map((s) => [s.id, s]));
  for (const screen of [...message.added, ...message.changed]) byId.set(screen.id, screen);
  return { screens: [...byId.values()], presence: message.presence, audience: message.audience };
}

/** What changed from the list `before` (screen id → its JSON) to `screens`. */
export function registryDiff(before: ReadonlyMap<string, string>, screens: readonly ScreenInfo[]): { added: ScreenInfo[]; changed: ScreenInfo[]; removed: string[]; after: Map<string, string> } {
  const after = new Map(screens.map((s) => [s.id, JSON.stringify(s)]));
  const added: ScreenInfo[] = [];
  const changed: ScreenInfo[] = [];
  for (const screen of screens) {
    const was = before.get(screen.id);
    if (was === undefined) added.push(screen);
    else if (was !== after.get(screen.id)) changed.push(screen);
  }
  const removed = [...before.keys()].filter((id) => !after.has(id));
  return { added, changed, removed, after };
}
