import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../client/lib/route';
import { sealTime, shortHash, verdictCounts } from '../../client/lib/seal-view';

describe('the verify page route and its helpers', () => {
  it('[S31] /results/:id/verify is the verify page; /results/:id stays the results page', () => {
    expect(parseRoute('/results/sample-awards/verify', '')).toEqual({ page: 'verify', ceremonyId: 'sample-awards' });
    expect(parseRoute('/results/sample%20x/verify/', '')).toEqual({ page: 'verify', ceremonyId: 'sample x' });
    expect(parseRoute('/results/sample-awards', '')).toEqual({ page: 'results', ceremonyId: 'sample-awards' });
    expect(parseRoute('/certificates/sample-awards/verify', '')).toEqual({ page: 'not_found' });
  });

  it('[S31] a root is shortened in groups of four; times are in Persian digits in Persian; the summary counts', () => {
    expect(shortHash('0123456789abcdef', 8)).toBe('0123 4567');
    expect(sealTime(Date.UTC(2026, 11, 2, 3, 0), 'fa', 'Asia/Tehran')).toMatch(/[۰-۹]/);
    expect(sealTime(Date.UTC(2026, 11, 2, 3, 0), 'en', 'Not/AZone')).toMatch(/2026/);
    expect(verdictCounts([{ verdict: 'match' }, { verdict: 'not_revealed' }, { verdict: 'mismatch' }, { verdict: 'retracted' }])).toEqual({ matched: 1, mismatched: 1, retracted: 1, corrected: 0, pending: 1, shown: 3 });
  });
});
