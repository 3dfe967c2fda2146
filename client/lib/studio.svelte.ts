import type { Capability } from '../../shared/crew';
import { validateDraft, type DraftDefinition, type DraftStamp, type StudioCeremony, type StudioStart } from '../../shared/studio';
import type { Problem } from '../../shared/validation';
import { ApiError } from './api';
import type { CrewApi } from './crew-api';
import type { StudioApi } from './studio-api';

/** The studio's pages (tabs), in the order they are shown. */
export const StudioTabs = ['ceremonies', 'details', 'theme', 'runOfShow', 'categories', 'organizations', 'import', 'check', 'preview', 'publish'] as const;
export type StudioTab = (typeof StudioTabs)[number];

export function isStudioTab(value: string | null): value is StudioTab {
  return (StudioTabs as readonly (string | null)[]).includes(value);
}

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'failed';

const AUTOSAVE_MS = 1_500;

/**
 * The studio's state: who is signed in and may do what, the ceremonies, and the draft being
 * edited. Components bind to `definition` (deep reactive); each change is checked at once with the
 * server's own rules (`problems`) and saved shortly after (`saveState`).
 */
export class Studio {
  capabilities: Capability[] = $state([]);
  signedIn: boolean | null = $state(null);
  personName = $state('');
  ceremonies: StudioCeremony[] = $state([]);
  /** The ceremony being edited, or null on the ceremonies page. */
  ceremonyId: string | null = $state(null);
  definition: DraftDefinition = $state({});
  stamp: DraftStamp | null = $state(null);
  /** The results are masked by the server: this role sees the shape without names. */
  masked = $state(false);
  saveState: SaveState = $state('saved');
  /** The last refusal or failure, by its code (shown in the page's language). */
  error: string | null = $state(null);
  tab: StudioTab = $state('ceremonies');

  /** The server's problems of a masked draft (said where, not what): the names it hides would fail the check here. */
  maskedProblems: Problem[] = $state([]);

  /** Every problem of the draft, by the server's own check. */
  readonly problems: Problem[] = $derived.by(() => {
    if (this.masked) return this.maskedProblems;
    const checked = validateDraft($state.snapshot(this.definition) as DraftDefinition);
    return checked.ok ? [] : checked.problems;
  });
  readonly current: StudioCeremony | null = $derived(this.ceremonies.find((c) => c.id === this.ceremonyId) ?? null);
  /** Producer and results officer edit; the others look. */
  readonly canEdit = $derived(this.capabilities.includes('results.edit') && !this.masked);
  readonly seesResults = $derived(this.capabilities.includes('results.see') && !this.masked);

  #timer: ReturnType<typeof setTimeout> | null = null;
  #saving: Promise<void> | null = null;

  constructor(
    readonly api: StudioApi,
    private readonly crew: Pick<CrewApi, 'session'>,
    private readonly onOpen: (ceremonyId: string | null, tab: StudioTab) => void = () => {},
  ) {}

  async start(ceremonyId: string | null, tab: StudioTab): Promise<void> {
    const session = await this.crew.session();
    this.signedIn = session.authenticated;
    if (!session.authenticated) return;
    this.capabilities = session.capabilities ?? [];
    this.personName = session.person?.name ?? '';
    await this.refreshList();
    if (ceremonyId) await this.open(ceremonyId, tab === 'ceremonies' ? 'details' : tab);
  }

  async refreshList(): Promise<void> {
    this.ceremonies = await this.api.list();
  }

  /** Opens a ceremony's draft (the newest published version when it has none). */
  async open(ceremonyId: string, tab: StudioTab = 'details'): Promise<void> {
    await this.flush();
    const draft = await this.attempt(() => this.api.draft(ceremonyId));
    if (!draft) return;
    this.ceremonyId = ceremonyId;
    this.definition = draft.definition;
    this.stamp = draft.stamp;
    this.masked = draft.masked;
    this.maskedProblems = draft.masked ? draft.problems : [];
    this.saveState = 'saved';
    this.show(tab);
  }

  show(tab: StudioTab): void {
    this.tab = tab;
    this.onOpen(this.ceremonyId, tab);
  }

  /** Back to the list of ceremonies (the draft saved first). */
  async close(): Promise<void> {
    await this.flush();
    this.ceremonyId = null;
    this.definition = {};
    this.stamp = null;
    this.show('ceremonies');
    await this.refreshList();
  }

  async create(id: string, start: StudioStart): Promise<boolean> {
    const draft = await this.attempt(() => this.api.create(id, start));
    if (!draft) return false;
    await this.refreshList();
    await this.open(draft.id, 'details');
    return true;
  }

  /** Replaces the whole draft (an imported JSON file, an applied spreadsheet) and saves it. */
  replace(definition: DraftDefinition): void {
    this.definition = definition;
    this.changed();
  }

  /** Called by the forms after every edit: saved shortly after the last one. */
  changed(): void {
    if (!this.canEdit) return;
    this.saveState = 'unsaved';
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.save(), AUTOSAVE_MS);
  }

  /** Saves now what is unsaved (before publishing, leaving, previewing). */
  async flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
      await this.save();
    }
    await this.#saving;
  }

  async save(): Promise<void> {
    if (!this.ceremonyId || !this.canEdit) return;
    this.#timer = null;
    await this.#saving;
    const id = this.ceremonyId;
    const definition = $state.snapshot(this.definition) as DraftDefinition;
    this.saveState = 'saving';
    this.#saving = this.api.saveDraft(id, definition, this.stamp?.revision ?? null).then(
      (draft) => {
        if (this.ceremonyId !== id) return;
        this.stamp = draft.stamp;
        // Edits made while saving are saved by the next save.
        if (this.saveState === 'saving') this.saveState = 'saved';
        this.error = null;
      },
      (error: unknown) => {
        this.saveState = error instanceof ApiError && error.code === 'conflict' ? 'conflict' : 'failed';
        this.error = error instanceof ApiError ? error.code : 'network';
      },
    );
    await this.#saving;
    this.#saving = null;
  }

  /** The problems at a path of the definition and below it (`categories[2]`, `title`). */
  problemsAt(path: string): Problem[] {
    return this.problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
  }

  /** Runs a request; a refusal is kept in `error` (by its code) and gives null. */
  async attempt<T>(request: () => Promise<T>): Promise<T | null> {
    try {
      const result = await request();
      this.error = null;
      return result;
    } catch (error) {
      this.error = error instanceof ApiError ? error.code : 'network';
      return null;
    }
  }
}
