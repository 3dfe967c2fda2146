import sample from '../../ceremonies/sample-awards.json';
import type { Capability } from '../../shared/crew';
import type { DraftDefinition, StudioCeremony } from '../../shared/studio';
import { StudioApi } from '../../client/lib/studio-api';
import { Studio } from '../../client/lib/studio.svelte';

/** A request the fake studio server was sent. */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

/** The fictional sample ceremony, as a draft to edit. */
export function sampleDraft(): DraftDefinition {
  return structuredClone(sample) as unknown as DraftDefinition;
}

export function listed(id: string, extra: Partial<StudioCeremony> = {}): StudioCeremony {
  return { id, title: { fa: `مراسم ${id}`, en: `Ceremony ${id}` }, date: '2021-02-23', archived: false, published: null, draft: null, liveStarted: false, ...extra };
}

/**
 * A studio on the real client API over a fake server (the studio's REST routes answered from
 * memory): what the pages send is recorded in `sent`.
 */
export function fakeStudio(options: { ceremonies?: StudioCeremony[]; definition?: DraftDefinition; capabilities?: Capability[] } = {}) {
  const sent: SentRequest[] = [];
  let ceremonies = options.ceremonies ?? [listed('sample-awards')];
  const definition = options.definition ?? sampleDraft();
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : null;
    sent.push({ method, path: input, body });
    const draftOf = (id: string, def: DraftDefinition) => ({ id, definition: def, stamp: { revision: 1, updatedAt: 0, updatedBy: 'Test', basedOn: null }, problems: [], masked: false });
    if (input === '/api/studio/ceremonies' && method === 'GET') return json(ceremonies);
    if (input === '/api/studio/ceremonies' && method === 'POST') {
      const id = (body as { id: string }).id;
      ceremonies = [...ceremonies, listed(id)];
      return json(draftOf(id, { ...structuredClone(definition), id }), 201);
    }
    const archive = /^\/api\/studio\/ceremonies\/([^/]+)\/archive$/.exec(input);
    if (archive) {
      ceremonies = ceremonies.map((c) => (c.id === archive[1] ? { ...c, archived: (body as { archived: boolean }).archived } : c));
      return json(ceremonies.find((c) => c.id === archive[1]));
    }
    const draft = /^\/api\/studio\/ceremonies\/([^/]+)\/draft$/.exec(input);
    if (draft && method === 'GET') return json(draftOf(draft[1]!, structuredClone(definition)));
    if (draft && method === 'PUT') return json(draftOf(draft[1]!, (body as { definition: DraftDefinition }).definition));
    return json({ error: { code: 'not_found', message: 'no such route in the fake' } }, 404);
  };
  const api = new StudioApi(fetch);
  const crew = { session: async () => ({ authenticated: true, person: { personId: 'p1', name: 'Test', role: 'producer' as const }, capabilities: options.capabilities ?? (['results.edit', 'results.see', 'console.view'] as Capability[]) }) };
  const studio = new Studio(api, crew);
  return { studio, sent, api };
}
