import { REGISTRY_MAX_AUDIENCE, type Presence, type RegistryUpdate, type ScreenInfo } from '../shared/protocol';
import { DelegateLocations } from '../shared/roles';

/** The screens connected to this process, per run, as the operator's registry shows them. */
export class ScreenRegistry {
  private readonly byRun = new Map<string, Map<string, ScreenInfo>>();

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
