import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderStatus, RENDER_GRACE_MS, type LastReveal } from '../../client/lib/screen-registry-view';
import DelegatePresence from '../../client/pages/operator/DelegatePresence.svelte';
import DelegateRoster from '../../client/pages/operator/DelegateRoster.svelte';
import ScreenRegistry from '../../client/pages/operator/ScreenRegistry.svelte';
import { defaultChannels } from '../../shared/channels';
import type { ScreenInfo, ScreenRequest } from '../../shared/protocol';
import { TestRun } from './fixtures';

const T = Date.UTC(2021, 1, 23, 6, 30);
const reveal: LastReveal = { cueId: 'g2g/place-4', seq: 9, showAt: T };
const channels = { ...defaultChannels, stream: { ...defaultChannels.stream!, delayMs: 20_000 } };

function info(id: string, extra: Partial<ScreenInfo> = {}): ScreenInfo {
  return { id, role: 'audience', name: '', channel: 'hall', rttMs: 42, offsetMs: -130, renderedCueId: null, renderedSeq: 0, nudgeMs: 0, connectedAt: T - 60_000, ...extra };
}

const screens: ScreenInfo[] = [
  info('s1', { role: 'stage', name: 'Hall left', renderedCueId: 'g2g/place-4', renderedSeq: 9 }),
  info('s2', { role: 'overlay', name: 'vMix', renderedCueId: 'g2g/intro', renderedSeq: 8 }),
  info('s3', { channel: 'stream', name: 'Phone' }),
  info('s4', { role: 'delegate', organizationId: 'ministry-of-health', location: 'remote', renderedCueId: 'g2g/place-4', renderedSeq: 9 }),
];

function registry(lang: 'fa' | 'en' = 'en', now = T + RENDER_GRACE_MS + 1) {
  const requests: ScreenRequest[] = [];
  render(ScreenRegistry, { screens, channels, reveal, now, lang, onupdate: (r: ScreenRequest) => requests.push(r) });
  return requests;
}

describe('Screens registry', () => {
  it('says a refused screen request in the console\'s language, not the server\'s English', () => {
    render(ScreenRegistry, { screens, channels, reveal, now: T, lang: 'fa', error: { code: 'forbidden', message: 'The role "stage_manager" may not do this.' }, onupdate: () => {} });
    const alert = screen.getByRole('alert').textContent!;
    expect(alert).toContain('نقش شما اجازهٔ این کار را نمی‌دهد');
    expect(alert).not.toContain('stage_manager');
  });

  it('hides the controls for a role that may not manage screens', () => {
    render(ScreenRegistry, { screens, channels, reveal, now: T, lang: 'en', readonly: true, onupdate: () => {} });
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.getAllByRole('combobox').every((select) => (select as HTMLSelectElement).disabled)).toBe(true);
  });

  it('flags screens that have not shown the last reveal, and not those still within their channel delay', () => {
    registry();
    expect(screen.getByRole('status').textContent).toContain('1 screens have not shown the last reveal');
    const rows = screen.getAllByRole('row').slice(1);
    // The missed one comes first.
    expect(rows[0]!.getAttribute('data-screen')).toBe('s2');
    expect(within(rows[0]!).getByText(/NOT shown/)).toBeTruthy();
    const phone = rows.find((r) => r.getAttribute('data-screen') === 's3')!;
    expect(within(phone).getByText(/Waiting for its delay/)).toBeTruthy();
    const stage = rows.find((r) => r.getAttribute('data-screen') === 's1')!;
    expect(within(stage).getByText(/Shown/)).toBeTruthy();
    expect(within(stage).getByText('42 ms')).toBeTruthy();
    expect(within(stage).getByText('-130 ms')).toBeTruthy();
  });

  it('says when every screen due has shown it and some still wait for their delay', () => {
    render(ScreenRegistry, { screens: screens.filter((s) => s.id !== 's2'), channels, reveal, now: T + RENDER_GRACE_MS + 1, lang: 'en', onupdate: () => {} });
    expect(screen.getByRole('status').textContent).toContain('Every screen due has shown the last reveal; 1 waiting for their channel delay.');
  });

  it('counts screens by role and by channel', () => {
    registry();
    const counts = document.querySelector('.counts')!.textContent!.replace(/\s+/g, ' ');
    expect(counts).toContain('Stage 1');
    expect(counts).toContain('Audience 1');
    expect(counts).toContain('Delegate 1');
    expect(counts).toContain('Hall 3');
    expect(counts).toContain('Live stream 1');
  });

  it('renames a screen inline, moves it to a channel, sends it to a view and reloads it', async () => {
    const requests = registry();
    await fireEvent.click(screen.getByRole('button', { name: 'New name for screen Hall left' }));
    const input = screen.getByRole('textbox', { name: 'New name for screen Hall left' });
    await fireEvent.input(input, { target: { value: 'Hall right' } });
    await fireEvent.submit(input.closest('form')!);
    await fireEvent.change(screen.getByRole('combobox', { name: 'Channel of screen vMix' }), { target: { value: 'video' } });
    await fireEvent.change(screen.getByRole('combobox', { name: 'View to send screen vMix to' }), { target: { value: 'stage' } });
    const vmixRow = screen.getAllByRole('row').find((r) => r.getAttribute('data-screen') === 's2')!;
    await fireEvent.click(within(vmixRow).getByRole('button', { name: 'Send' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Reload screen Phone' }));
    expect(requests).toEqual([
      { screenId: 's1', name: 'Hall right' },
      { screenId: 's2', channel: 'video' },
      { screenId: 's2', view: 'stage' },
      { screenId: 's3', reload: true },
    ]);
  });

  it('speaks Persian', () => {
    registry('fa');
    expect(screen.getByRole('heading', { name: 'فهرست صفحه‌ها' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('۱ صفحه آخرین اعلام را نشان نداده است');
  });

  it('a screen that rendered an earlier reveal of the same cue (before a retraction) has not shown this one', () => {
    expect(renderStatus(info('x', { renderedCueId: 'g2g/place-4', renderedSeq: 5 }), reveal, channels, T + 10_000)).toBe('missed');
    expect(renderStatus(info('x'), null, channels, T)).toBe('none');
  });
});

describe('Delegate presence', () => {
  const presence = { 'ministry-of-health': { hall: 0, remote: 2 }, 'office-of-the-cabinet': { hall: 1, remote: 0 } };

  it('shows before a reveal whether the recipient’s delegates are in the hall, remote or absent', () => {
    const run = new TestRun();
    const entries = (id: string) => run.previews[id] ?? [];
    render(DelegatePresence, { entries: entries('g2g/place-2'), presence, lang: 'en' });
    expect(screen.getByText(/Remote: 2/)).toBeTruthy();
    render(DelegatePresence, { entries: entries('g2g/place-4'), presence, lang: 'fa' });
    expect(screen.getByText(/غایب/)).toBeTruthy();
  });

  it('lists every organization in the roster with its presence, link actions and a count', async () => {
    const links: string[] = [];
    const delegates = [
      { organizationId: 'office-of-the-cabinet', name: { fa: 'دفتر هیئت دولت', en: 'Office of the Cabinet' }, link: 'http://x/d/e/office-of-the-cabinet?k=1' },
      { organizationId: 'ministry-of-health', name: { fa: 'وزارت بهداشت', en: 'Ministry of Health' }, link: 'http://x/d/e/ministry-of-health?k=2' },
      { organizationId: 'agency-17', name: null, link: 'http://x/d/e/agency-17?k=3' },
    ];
    render(DelegateRoster, { delegates, presence, lang: 'en', onqr: (_name: string, link: string) => links.push(link) });
    expect(screen.getByText('2 of 3 organizations present')).toBeTruthy();
    const items = screen.getAllByRole('listitem');
    expect(within(items[0]!).getByText(/In the hall: 1/)).toBeTruthy();
    expect(within(items[2]!).getByText('Organization agency-17')).toBeTruthy();
    expect(within(items[2]!).getByText(/Absent/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Show the QR code of Ministry of Health full screen' }));
    expect(links).toEqual(['http://x/d/e/ministry-of-health?k=2']);
    await fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'health' } });
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });
});
