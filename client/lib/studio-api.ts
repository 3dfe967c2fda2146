import type { DefinitionDiffLine } from '../../shared/definition-diff';
import type { SheetKind, SheetTable } from '../../shared/sheet-import';
import type { DraftDefinition, StudioCeremony, StudioDraft, StudioStart, UploadedImage } from '../../shared/studio';
import { ApiError, apiErrorOf, requestJson, type Fetch } from './api';

/** What publishing answered: the version the live run now uses. */
export interface Published {
  version: number;
  hash: string;
  outcome: 'created' | 'replaced' | 'corrected';
  /** The categories a results correction changed. */
  corrected?: string[];
}

const ceremonyPath = (id: string) => `/api/studio/ceremonies/${encodeURIComponent(id)}`;

/** The studio's side of the server contract (docs/api.md, "Studio"). */
export class StudioApi {
  readonly #fetch: Fetch;

  constructor(fetchImpl: Fetch = (input, init) => fetch(input, init)) {
    this.#fetch = fetchImpl;
  }

  /** Every ceremony, published or drafted, archived ones too. */
  list(): Promise<StudioCeremony[]> {
    return this.#json('/api/studio/ceremonies');
  }

  /** Starts a new ceremony as a draft: blank, the fictional sample, or a copy of another. */
  create(id: string, start: StudioStart): Promise<StudioDraft> {
    return this.#send('POST', '/api/studio/ceremonies', { id, ...start });
  }

  draft(id: string): Promise<StudioDraft> {
    return this.#json(`${ceremonyPath(id)}/draft`);
  }

  /** Saves the draft; refused (`conflict`) when someone saved since `revision`. */
  saveDraft(id: string, definition: DraftDefinition, revision: number | null): Promise<StudioDraft> {
    return this.#send('PUT', `${ceremonyPath(id)}/draft`, { definition, revision });
  }

  /** Drops the draft: the newest published version is the draft again. */
  discardDraft(id: string): Promise<StudioDraft> {
    return this.#send('DELETE', `${ceremonyPath(id)}/draft`);
  }

  /** What the draft changes since the last published version, in words. */
  diff(id: string): Promise<{ lines: DefinitionDiffLine[]; basedOn: number | null }> {
    return this.#json(`${ceremonyPath(id)}/diff`);
  }

  /**
   * Publishes the draft saved at `revision` as the version the live run uses; `correction` once the
   * live run has begun (S17: results of categories not yet revealed only).
   */
  publish(id: string, revision: number, correction = false): Promise<Published> {
    return this.#send('POST', `${ceremonyPath(id)}/publish`, correction ? { revision, correction } : { revision });
  }

  setArchived(id: string, archived: boolean): Promise<StudioCeremony> {
    return this.#send('POST', `${ceremonyPath(id)}/archive`, { archived });
  }

  /** A download of the draft (or the newest published version) as a definition file. */
  exportUrl(id: string, which: 'draft' | 'published'): string {
    return `${ceremonyPath(id)}/export?which=${which}`;
  }

  /** Uploads a logo or photo (PNG, JPEG or WebP); the answer's id goes into the definition. */
  uploadImage(id: string, file: Blob): Promise<UploadedImage> {
    return this.#json(`${ceremonyPath(id)}/images`, { method: 'POST', headers: { 'content-type': file.type || 'application/octet-stream' }, body: file });
  }

  /** Reads a spreadsheet (.xlsx or .csv) into its tables of cells, on the server, off its event loop. */
  readSheet(file: Blob, onProgress?: (fraction: number) => void): Promise<{ tables: SheetTable[] }> {
    return uploadWithProgress('/api/studio/sheets', file, onProgress);
  }

  /** The template of a sheet, in the page's language. */
  templateUrl(kind: SheetKind, lang: 'fa' | 'en', format: 'xlsx' | 'csv'): string {
    return `/api/studio/templates/${kind}.${format}?lang=${lang}`;
  }

  #send<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.#json(path, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
  }

  #json<T>(path: string, init: RequestInit = {}): Promise<T> {
    return requestJson(this.#fetch, path, init);
  }
}

/** fetch cannot report an upload's progress; XMLHttpRequest can. */
function uploadWithProgress<T>(path: string, file: Blob, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(apiErrorOf(xhr.status, xhr.statusText, body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload failed: the server could not be reached.'));
    xhr.send(file);
  });
}
