import { describe, expect, it } from 'vitest';
import { cleanPersonName, personNameKey } from '../../shared/person-name';

describe('[S29] crew names', () => {
  it('refuses invisible and direction characters that make a name look like another, keeps the Persian zero-width non-joiner', () => {
    expect(cleanPersonName('pro\u200Bducer')).toBeNull(); // zero-width space
    expect(cleanPersonName('\u202Eecudorp')).toBeNull(); // right-to-left override
    expect(cleanPersonName('Sara\u2066')).toBeNull(); // left-to-right isolate
    expect(cleanPersonName('مهدی\u200Cپور')).toBe('مهدی\u200Cپور');
    expect(cleanPersonName('  Sara   Ahmadi ')).toBe('Sara Ahmadi');
  });

  it('compares names without case, Unicode form, the Arabic yeh and kaf, or a zero-width non-joiner', () => {
    expect(personNameKey('Producer')).toBe(personNameKey('producer'));
    expect(personNameKey('علي')).toBe(personNameKey('علی'));
    expect(personNameKey('مهدی\u200Cپور')).toBe(personNameKey('مهدیپور'));
    expect(personNameKey('Sara')).not.toBe(personNameKey('Reza'));
  });
});
