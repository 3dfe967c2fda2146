import { describe, expect, it } from 'vitest';
import { approvalView, correctionSummary, jumpSummary, retractSummary, SEALED_CORRECTION_SUMMARY, type Approval } from '../../shared/two-keys';
import { Harness, sampleCeremony } from '../helpers/ceremony-harness';

describe('[S30] what a request says will happen', () => {
  it('[S30] a correction: each changed reveal of each corrected category, before and after, in both languages', () => {
    const current = sampleCeremony();
    const next = sampleCeremony();
    const category = next.categories.find((c) => c.id === 'accessibility')!;
    if (category.kind !== 'ranked') throw new Error('ranked expected');
    category.results = category.results.map((r) => (r.place === 1 ? { ...r, place: 2 } : r.place === 2 ? { ...r, place: 1 } : r));
    const summary = correctionSummary(current, next, ['accessibility']);
    expect(summary.en).toContain('1st place: Eta Imaginary Society → Theta Imaginary Centre');
    expect(summary.en).toContain('2nd place: Theta Imaginary Centre → Eta Imaginary Society');
    expect(summary.en).not.toContain('3rd place');
    expect(summary.fa).toContain('رتبه اول');
    expect(summary.fa).toMatch(/^اصلاح نتایج ۱ بخش/);
  });

  it('[S30] a retract names the reveal, who it revealed and the reason; a jump names both cues', () => {
    const h = new Harness(sampleCeremony());
    while (h.state.revealStack.length === 0) h.go();
    const summary = retractSummary(h.state, { type: 'retract', reason: { en: 'Wrong envelope' } });
    const cue = h.state.cues.find((c) => c.id === h.state.revealStack.at(-1))!;
    expect(summary.en).toContain(cue.label.en!);
    expect(summary.en).toMatch(/Reason: Wrong envelope$/);
    // A reason in one language only is shown in both.
    expect(summary.fa).toContain('دلیل: Wrong envelope');
    expect(retractSummary(h.state, { type: 'retract' }).fa).toContain('بدون دلیل');
    const jump = jumpSummary(h.state, { type: 'jump', cueId: h.state.cues.at(-1)!.id });
    expect(jump.en).toContain(`to “${h.state.cues.at(-1)!.label.en}”`);
  });

  it('[S30] a console without results.see gets a correction request without its summary, nor the details of its failure', () => {
    const approval: Approval = {
      id: 'a',
      ceremonyId: 'c',
      runId: 'live',
      action: 'correction',
      summary: { en: 'secret names', fa: 'نام‌های پنهان' },
      requestedBy: { personId: 'p', name: 'Dara', role: 'results_officer', sessionId: 'secret-session' },
      requestedAt: 0,
      expiresAt: 120_000,
      status: 'confirmed',
      outcome: { ok: false, error: { code: 'already_revealed', message: 'Results of "g2g" (names)…' } },
    };
    const sealed = approvalView(approval, 1, false);
    expect(sealed).toMatchObject({ sealed: true, summary: SEALED_CORRECTION_SUMMARY, outcome: { ok: false, error: { code: 'already_revealed', message: '' } } });
    expect(JSON.stringify(sealed)).not.toContain('secret');
    expect(approvalView(approval, 1, true).summary.en).toBe('secret names');
    expect(JSON.stringify(approvalView(approval, 1, true))).not.toContain('secret-session');
    expect(approvalView({ ...approval, status: 'pending' }, 120_000, true).status).toBe('expired');
  });
});
