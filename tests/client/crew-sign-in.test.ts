import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { PodiumApi } from '../../client/lib/api';
import { CrewApi } from '../../client/lib/crew-api';
import { JoinDesk } from '../../client/lib/join.svelte';
import { Locale } from '../../client/lib/locale.svelte';
import { OperatorConsole } from '../../client/lib/operator-console.svelte';
import { parseRoute } from '../../client/lib/route';
import JoinPage from '../../client/pages/JoinPage.svelte';
import LoginForm from '../../client/pages/operator/LoginForm.svelte';

/** A fetch that answers from `routes` ("METHOD /path" → [status, body]) and records every request. */
function fakeFetch(routes: Record<string, [number, unknown]>) {
  const sent: { route: string; body: unknown }[] = [];
  const fetchImpl = async (input: string, init?: RequestInit) => {
    const route = `${init?.method ?? 'GET'} ${input}`;
    sent.push({ route, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const [status, body] = routes[route] ?? [404, { error: { code: 'not_found', message: 'Not found.' } }];
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetchImpl, sent };
}

const type = (input: Element | null, value: string) => fireEvent.input(input!, { target: { value } });

describe('[S29] the console’s sign-in form', () => {
  it('[S29] signs in by name and secret, or (an obvious second choice) by the first producer’s passcode; a refusal is said in the console’s language', async () => {
    const { fetchImpl, sent } = fakeFetch({ 'POST /api/session': [401, { error: { code: 'unauthorized', message: 'Wrong name or secret (or passcode).' } }] });
    const operator = new OperatorConsole({ api: new PodiumApi(fetchImpl), ceremonyId: null, crewApi: new CrewApi(fetchImpl) });
    const { container, getByLabelText, getByRole, findByRole } = render(LoginForm, { console: operator, lang: 'en' });

    await type(getByLabelText('Name'), 'Sara');
    await type(getByLabelText('Secret'), 'a-long-secret-1');
    await fireEvent.submit(container.querySelector('form')!);
    expect((await findByRole('alert')).textContent).toBe('Wrong name or secret.');
    expect(sent.at(-1)).toEqual({ route: 'POST /api/session', body: { name: 'Sara', secret: 'a-long-secret-1' } });

    // No name: the first producer's passcode (what older set-ups type into the same field).
    await type(getByLabelText('Name'), '');
    await type(getByLabelText('Secret'), 'the-passcode-0');
    await fireEvent.submit(container.querySelector('form')!);
    await waitFor(() => expect(sent.at(-1)).toEqual({ route: 'POST /api/session', body: { passcode: 'the-passcode-0' } }));

    await fireEvent.click(getByRole('radio', { name: 'With the first producer’s passcode' }));
    expect(container.querySelector('#person-name')).toBeNull();
    expect(container.textContent).toContain('It signs you in as the first producer.');
    await type(getByLabelText('Passcode'), 'the-passcode');
    await fireEvent.submit(container.querySelector('form')!);
    await waitFor(() => expect(sent.at(-1)).toEqual({ route: 'POST /api/session', body: { passcode: 'the-passcode' } }));
    expect((await findByRole('alert')).textContent).toBe('Wrong passcode.');
  });

  it('[S29] in Persian, with the role names of the crew', async () => {
    const { fetchImpl } = fakeFetch({});
    const operator = new OperatorConsole({ api: new PodiumApi(fetchImpl), ceremonyId: null });
    const { getByRole } = render(LoginForm, { console: operator, lang: 'fa' });
    expect(getByRole('radio', { name: 'با نام و رمز خودم' })).toBeTruthy();
    expect(getByRole('radio', { name: 'با رمز ورود تهیه‌کنندهٔ نخست' })).toBeTruthy();
  });
});

describe('[S29] the join page', () => {
  const TOKEN = 'A'.repeat(43);
  const locale = () => new Locale({ storage: null, root: null, urlLang: 'en' });

  it('[S29] /join/:token is its route', () => {
    expect(parseRoute(`/join/${TOKEN}`, '')).toEqual({ page: 'join', token: TOKEN });
  });

  it('[S29] shows the role, takes a name (the suggested one first) and a secret twice, joins and goes on to the console', async () => {
    const { fetchImpl, sent } = fakeFetch({
      [`GET /api/invitations/${TOKEN}`]: [200, { role: 'results_officer', name: 'Sara', expiresAt: Date.UTC(2026, 0, 2, 10, 0) }],
      [`POST /api/invitations/${TOKEN}`]: [200, { token: 't', person: { personId: 'person-1', name: 'Sara A', role: 'results_officer' } }],
    });
    let joined = 0;
    const join = new JoinDesk(new CrewApi(fetchImpl), TOKEN, () => (joined += 1));
    const { container, getByLabelText, findByLabelText, findByRole } = render(JoinPage, { join, locale: locale() });
    await join.load();
    expect((await findByLabelText('Name')) as HTMLInputElement).toHaveProperty('value', 'Sara');
    expect(container.textContent).toContain('You are invited as “Results officer”.');

    await type(getByLabelText('Name'), 'Sara A');
    await type(getByLabelText('Secret'), 'a-long-secret-1');
    await type(getByLabelText('Secret again'), 'a-long-secret-2');
    await fireEvent.submit(container.querySelector('form')!);
    expect((await findByRole('alert')).textContent).toBe('The two secrets differ.');
    expect(sent.some((s) => s.route.startsWith('POST'))).toBe(false);

    await type(getByLabelText('Secret again'), 'a-long-secret-1');
    await fireEvent.submit(container.querySelector('form')!);
    await waitFor(() => expect(joined).toBe(1));
    expect(sent.at(-1)).toEqual({ route: `POST /api/invitations/${TOKEN}`, body: { name: 'Sara A', secret: 'a-long-secret-1' } });
  });

  it('[S29] a used, expired or unknown link says so, and a taken name is explained', async () => {
    const used = fakeFetch({ [`GET /api/invitations/${TOKEN}`]: [410, { error: { code: 'invitation_invalid', message: '…' } }] });
    const invalid = new JoinDesk(new CrewApi(used.fetchImpl), TOKEN, () => undefined);
    const shown = render(JoinPage, { join: invalid, locale: locale() });
    await invalid.load();
    expect((await shown.findByRole('alert')).textContent).toContain('has been used, has expired or does not exist');
    shown.unmount();

    const taken = fakeFetch({
      [`GET /api/invitations/${TOKEN}`]: [200, { role: 'operator', expiresAt: Date.UTC(2026, 0, 2) }],
      [`POST /api/invitations/${TOKEN}`]: [409, { error: { code: 'name_taken', message: '…' } }],
    });
    const join = new JoinDesk(new CrewApi(taken.fetchImpl), TOKEN, () => undefined);
    const page = render(JoinPage, { join, locale: locale() });
    await join.load();
    await type(await page.findByLabelText('Name'), 'Reza');
    await type(page.getByLabelText('Secret'), 'a-long-secret-1');
    await type(page.getByLabelText('Secret again'), 'a-long-secret-1');
    await fireEvent.submit(page.container.querySelector('form')!);
    expect((await page.findByRole('alert')).textContent).toBe('Someone in the crew already has this name; choose another.');
  });
});
