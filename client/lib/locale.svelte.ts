import { Languages, type Language } from '../../shared/text';
import { dirOf } from './i18n';

const STORAGE_KEY = 'podium.lang';

function isLanguage(value: string | null | undefined): value is Language {
  return (Languages as readonly string[]).includes(value ?? '');
}

export interface LocaleEnvironment {
  /** Where the choice is remembered; null where storage is blocked (private modes). */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** The element whose lang/dir follow the language: document.documentElement in the app. */
  root: HTMLElement | null;
  /** `?lang=` of the page, if any: it wins over the remembered choice. */
  urlLang?: string | null;
  /** Called after a switch so the URL does not bring the old language back on reload. */
  onUrlLang?: (lang: Language) => void;
}

/** The screen's language: Persian first, English on request, remembered across visits. */
export class Locale {
  lang: Language = $state('fa');
  readonly #env: LocaleEnvironment;
  /** The viewer chose a language (in the URL, or remembered from a switch): a ceremony's default does not override it. */
  #chosen: boolean;

  constructor(env: LocaleEnvironment) {
    this.#env = env;
    const remembered = readStorage(env.storage);
    this.#chosen = isLanguage(env.urlLang) || isLanguage(remembered);
    this.lang = isLanguage(env.urlLang) ? env.urlLang : isLanguage(remembered) ? remembered : 'fa';
    this.#apply();
  }

  /** A ceremony's default language (an English-only ceremony says "en"), unless the viewer chose one. */
  followCeremony(lang: Language | undefined): void {
    if (this.#chosen || !lang || lang === this.lang) return;
    this.lang = lang;
    this.#apply();
  }

  static fromBrowser(): Locale {
    const url = new URL(location.href);
    return new Locale({
      storage: safeLocalStorage(),
      root: document.documentElement,
      urlLang: url.searchParams.get('lang'),
      onUrlLang: (lang) => {
        const current = new URL(location.href);
        if (!current.searchParams.has('lang')) return;
        current.searchParams.set('lang', lang);
        history.replaceState(history.state, '', current);
      },
    });
  }

  set(lang: Language): void {
    this.#chosen = true;
    this.lang = lang;
    try {
      this.#env.storage?.setItem(STORAGE_KEY, lang);
    } catch {
      // Storage full or blocked: the switch still works for this visit.
    }
    this.#env.onUrlLang?.(lang);
    this.#apply();
  }

  toggle(): void {
    this.set(this.lang === 'fa' ? 'en' : 'fa');
  }

  #apply(): void {
    if (!this.#env.root) return;
    this.#env.root.lang = this.lang;
    this.#env.root.dir = dirOf(this.lang);
  }
}

function readStorage(storage: LocaleEnvironment['storage']): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
