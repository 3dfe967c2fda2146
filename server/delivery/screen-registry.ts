import {
  MAX_DELEGATE_SCREENS_PER_RUN,
  MAX_STAGE_SCREENS_PER_RUN,
  REGISTRY_MAX_AUDIENCE,
  type Presence,
  type RegistryMessage,
  type RegistryUpdate,
  type ScreenInfo,
} from '../../shared/protocol';
import { registryDiff } from '../../shared/registry-diff';
import { DelegateLocations, type ScreenRole } from '../../shared/roles';

/** The screens connected to this process, per run, as the operator's registry shows them. */
export class ScreenRegistry {
  private readonly byRun = new Map<string, Map<string, ScreenInfo>>();
  /** Per run, the list as last sent to its consoles (screen id → its JSON): what a diff is from. */
  private readonly sent = new Map<string, Map<string, string>>();

  /**
   * Whether a run admits one more screen of this role: the audience always; stage and overlay
   * screens, and delegate screens, up to their caps (S21).
   */
  hasRoom(runId: string, role: ScreenRole): boolean {
    if (role === 'audience') return true;
    const keyed = (r: ScreenRole) => (role === 'delegate' ? r === 'delegate' : r === 'stage' || r === 'overlay');
    let count = 0;
    for (const screen of this.byRun.get(runId)?.values() ?? []) if (keyed(screen.role)) count += 1;
    return count < (role === 'delegate' ? MAX_DELEGATE_SCREENS_PER_RUN : MAX_STAGE_SCREENS_PER_RUN);
  }

  add(runId: string, info: ScreenInfo): void {
    const screens = this.byRun.get(runId) ?? new Map<string, ScreenInfo>();
    screens.set(info.id, info);
    this.byRun.set(runId, screens);
  }

  get(runId: string, screenId: string): ScreenInfo | undefined {
    return this.byRun.get(runId)?.get(screenId);
  }

  update(runId: string, screenId: string, patch: Partial<Omit<ScreenInfo, 'id'>>): ScreenInfo | undefined {
    const info = this.get(runId, screenId);
    if (info) Object.assign(info, patch);
    return info;
  }

  remove(runId: string, screenId: string): void {
    this.byRun.get(runId)?.delete(screenId);
  }

  list(runId: string): ScreenInfo[] {
    return [...(this.byRun.get(runId)?.values() ?? [])].sort((a, b) => a.connectedAt - b.connectedAt);
  }

  /**
   * What the console gets: every non-audience screen, and the audience as counts plus a bounded
   * list (those that have not rendered the last reveal first).
   */
  forConsole(runId: string, lastRevealCueId: string | null): RegistryUpdate {
    const all = this.list(runId);
    const audience = all.filter((s) => s.role === 'audience');
    const rendered = (s: ScreenInfo) => lastRevealCueId === null || s.renderedCueId === lastRevealCueId;
    const listedAudience = [...audience.filter((s) => !rendered(s)), ...audience.filter(rendered)].slice(0, REGISTRY_MAX_AUDIENCE);
    return {
      screens: [...all.filter((s) => s.role !== 'audience'), ...listedAudience],
      presence: this.presence(runId),
      audience: {
        total: audience.length,
        renderedLastReveal: audience.filter(rendered).length,
        listed: listedAudience.length,
        byChannel: audience.reduce<Record<string, number>>((counts, s) => ({ ...counts, [s.channel]: (counts[s.channel] ?? 0) + 1 }), {}),
      },
    };
  }

  /**
   * The registry for a run's consoles now: `diff`, what changed since the last call (to send to
   * the consoles already there), and `full`, the whole list that diff leads to (for a console that
   * connects or asks). Each call moves the baseline, so every diff follows the one before.
   */
  forConsoles(runId: string, lastRevealCueId: string | null): { diff: RegistryMessage; full: RegistryMessage } {
    const update = this.forConsole(runId, lastRevealCueId);
    const { added, changed, removed, after } = registryDiff(this.sent.get(runId) ?? new Map(), update.screens);
    this.sent.set(runId, after);
    return { diff: { kind: 'diff', added, changed, removed, presence: update.presence, audience: update.audience }, full: { kind: 'full', ...update } };
  }

  /** Delegates present per organization, in the hall and remote. */
  presence(runId: string): Presence {
    const presence: Presence = {};
    for (const s of this.list(runId)) {
      if (s.role !== 'delegate' || !s.organizationId || !s.location) continue;
      presence[s.organizationId] ??= Object.fromEntries(DelegateLocations.map((l) => [l, 0])) as Presence[string];
      presence[s.organizationId]![s.location] += 1;
    }
    return presence;
  }
}
