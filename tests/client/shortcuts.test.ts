import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../client/lib/shortcuts';

function press(key: string, code: string, target: EventTarget = document.body) {
  return shortcutFor({ key, code, altKey: false, ctrlKey: false, metaKey: false, target });
}

describe('operator shortcuts', () => {
  it('maps Space, → and letters (by physical key, so a Persian layout works too)', () => {
    expect(press(' ', 'Space')).toBe('go');
    expect(press('ArrowRight', 'ArrowRight')).toBe('go');
    expect(press('ا', 'KeyH')).toBe('hold_toggle');
    expect(press('r', 'KeyR')).toBe('retract');
    expect(press('?', 'Slash')).toBe('help');
  });

  it('is off while typing in a field', () => {
    for (const tag of ['input', 'textarea', 'select']) {
      const field = document.createElement(tag);
      document.body.append(field);
      expect(press(' ', 'Space', field)).toBeNull();
      expect(press('h', 'KeyH', field)).toBeNull();
      field.remove();
    }
  });

  it('leaves Space on a focused button to that button', () => {
    const button = document.createElement('button');
    expect(press(' ', 'Space', button)).toBeNull();
    expect(press('ArrowRight', 'ArrowRight', button)).toBe('go');
  });
});
