import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { ApiError, type PodiumApi } from '../../client/lib/api';
import { AttendanceDesk } from '../../client/lib/attendance-desk.svelte';
import AttendancePanel from '../../client/pages/operator/AttendancePanel.svelte';
import type { AttendanceRequest } from '../../shared/attendance-change';
import type { RevealedEntry } from '../../shared/cues';

/** S34 on the console: the next reveal's recipients, each with an attendance control that calls the route once. */

const entries: RevealedEntry[] = [
  { recipient: { type: 'organization', name: { fa: 'شرکت خیالی آلفا', en: 'Alpha Imaginary Co.' } } },
  { recipient: { type: 'person', name: { fa: 'سارا نمونه', en: 'Sara Sample' } }, attendance: { status: 'remote' } },
];

/** A fake API: each request waits until released, so a second press lands while the first is on its way. */
function fakeApi(answer: () => Promise<unknown> = async () => ({ ok: true })) {
  const sent: AttendanceRequest[] = [];
  let release: () => void = () => {};
  const api = {
    setAttendance: async (_id: string, request: AttendanceRequest) => {
      sent.push(request);
      await new Promise<void>((resolve) => (release = resolve));
      return answer();
    },
  } as unknown as PodiumApi;
  return { api, sent, release: () => release() };
}

describe('[S34] the console’s attendance control', () => {
  it('[S34] accepted on behalf, by whom in both languages: Enter in a field sends it once, with the cue, the index and the preview’s version', async () => {
    const { api, sent, release } = fakeApi();
    const desk = new AttendanceDesk(api, () => 'sample-awards');
    render(AttendancePanel, { cueId: 'best-app/place-1', entries, version: 3, desk, lang: 'en' });
    expect((screen.getByLabelText('Attendance · Sara Sample') as HTMLSelectElement).value).toBe('remote');
    const select = screen.getByLabelText('Attendance · Alpha Imaginary Co.') as HTMLSelectElement;
    expect(select.value).toBe('present');
    await fireEvent.change(select, { target: { value: 'on_behalf' } });
    await fireEvent.input(screen.getByLabelText('Accepted by (Persian) · Alpha Imaginary Co.'), { target: { value: ' مریم نماینده ' } });
    await fireEvent.input(screen.getByLabelText('Accepted by (English) · Alpha Imaginary Co.'), { target: { value: 'Maryam Proxy' } });
    const form = select.closest('form')!;
    // Enter in a field submits its form (a browser does); twice, and a click on Save: one request.
    await fireEvent.submit(form);
    await fireEvent.submit(form);
    await fireEvent.click(screen.getAllByRole('button', { name: /Saving…|Save attendance/ })[0]!);
    expect(sent).toEqual([{ cueId: 'best-app/place-1', recipientIndex: 0, attendance: { status: 'on_behalf', acceptedBy: { fa: 'مریم نماینده', en: 'Maryam Proxy' } }, version: 3 }]);
    expect(screen.getAllByRole('button', { name: 'Saving…' })).toHaveLength(1);
    for (const button of screen.getAllByRole('button')) expect((button as HTMLButtonElement).disabled).toBe(true);
    release();
    await expect.poll(() => desk.pending).toBeNull();
    expect(desk.outcome).toEqual({ key: 'best-app/place-1#0', ok: true });
  });

  it('[S34] on behalf with no name sends nothing and says why; nothing changed sends nothing', async () => {
    const { api, sent } = fakeApi();
    const desk = new AttendanceDesk(api, () => 'sample-awards');
    render(AttendancePanel, { cueId: 'best-app/place-1', entries, version: 3, desk, lang: 'fa' });
    const select = screen.getByLabelText('حضور · شرکت خیالی آلفا') as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'on_behalf' } });
    await fireEvent.submit(select.closest('form')!);
    expect(sent).toEqual([]);
    expect(screen.getByText('نام دریافت‌کننده را دست‌کم به یک زبان بنویسید.')).toBeTruthy();
    // Sara is remote already: Save stays disabled.
    const saves = screen.getAllByRole('button', { name: 'ثبت حضور' }) as HTMLButtonElement[];
    expect(saves[1]!.disabled).toBe(true);
  });

  it('[S34] refused once revealed: the console says so in its language', async () => {
    const { api, release } = fakeApi(async () => {
      throw new ApiError(409, 'already_revealed', 'Cue "best-app/place-1" has been revealed');
    });
    const desk = new AttendanceDesk(api, () => 'sample-awards');
    render(AttendancePanel, { cueId: 'best-app/place-1', entries, version: 3, desk, lang: 'en' });
    const select = screen.getByLabelText('Attendance · Alpha Imaginary Co.');
    await fireEvent.change(select, { target: { value: 'absent' } });
    await fireEvent.submit(select.closest('form')!);
    release();
    expect(await screen.findByText('This reveal has been shown: its attendance can no longer change.')).toBeTruthy();
  });
});
