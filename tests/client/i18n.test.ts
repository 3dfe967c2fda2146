import { describe, expect, it } from 'vitest';
import { messages, t } from '../../client/lib/i18n';
import { archiveDictionary, t as tArchive } from '../../client/lib/i18n-archive';
import { operatorDictionary, t as tOperator } from '../../client/lib/i18n-operator';
import { replayDictionary, t as tReplay } from '../../client/lib/i18n-replay';

describe('i18n: one dictionary per chunk', () => {
  it('a lazy page’s t has its own strings and the common ones', () => {
    expect(tOperator('fa', 'operatorTitle')).toBe('میز فرمان');
    expect(tOperator('en', 'appName')).toBe(t('en', 'appName'));
    // The console's replay room shares the replays' strings.
    expect(tOperator('en', 'play')).toBe(tReplay('en', 'play'));
    expect(tArchive('en', 'certificatesHelp')).toContain('PDF');
    expect(tReplay('fa', 'watchAgainProgress', { done: '۲', total: '۵' })).toBe('۲ از ۵ رویداد');
  });

  it('every string has both languages, and the common dictionary holds nothing of the console', () => {
    for (const dictionary of [messages, operatorDictionary, archiveDictionary, replayDictionary]) {
      for (const [key, text] of Object.entries(dictionary)) {
        expect(text.fa, key).not.toBe('');
        expect(text.en, key).not.toBe('');
      }
    }
    expect(Object.keys(messages)).not.toContain('operatorTitle');
    expect(Object.keys(messages)).not.toContain('certificatePresentedTo');
    expect(Object.keys(messages)).not.toContain('watchAgainBuilding');
  });
});
