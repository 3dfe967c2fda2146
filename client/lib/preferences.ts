import { DelegateLocations, type DelegateLocation } from '../../shared/roles';

/**
 * What a screen remembers across visits in localStorage: its name, the viewer's own delay and a
 * delegate's location. Storage may be blocked (private modes): then nothing is remembered.
 */
export interface PreferenceStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEYS = {
  name: 'podium.screenName',
  nudgeMs: 'podium.nudgeMs',
  location: 'podium.delegateLocation',
} as const;

/** The largest nudge a viewer can set: a stream rarely runs more than a minute behind. */
export const MAX_NUDGE_MS = 60_000;

export interface ScreenPreferences {
  name: string | null;
  nudgeMs: number;
  location: DelegateLocation;
}

export class Preferences {
  readonly #store: PreferenceStore | null;

  constructor(store: PreferenceStore | null) {
    this.#store = store;
  }

  static fromBrowser(): Preferences {
    try {
      return new Preferences(window.localStorage);
    } catch {
      return new Preferences(null);
    }
  }

  read(): ScreenPreferences {
    const nudge = Number(this.#get(KEYS.nudgeMs));
    const location = this.#get(KEYS.location);
    return {
      name: this.#get(KEYS.name) || null,
      nudgeMs: Number.isFinite(nudge) ? Math.min(Math.max(0, Math.round(nudge)), MAX_NUDGE_MS) : 0,
      location: (DelegateLocations as readonly string[]).includes(location ?? '') ? (location as DelegateLocation) : 'remote',
    };
  }

  write(preferences: Partial<ScreenPreferences>): void {
    if (preferences.name) this.#set(KEYS.name, preferences.name);
    if (preferences.nudgeMs !== undefined) this.#set(KEYS.nudgeMs, String(preferences.nudgeMs));
    if (preferences.location) this.#set(KEYS.location, preferences.location);
  }

  #get(key: string): string | null {
    try {
      return this.#store?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  #set(key: string, value: string): void {
    try {
      this.#store?.setItem(key, value);
    } catch {
      // Storage full or blocked: the choice holds for this visit.
    }
  }
}
