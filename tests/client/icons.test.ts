import { render } from '@testing-library/svelte';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import Icon from '../../client/components/Icon.svelte';

/**
 * Symbols a screen once typed as icons. Each needs a symbol or emoji font that a projector's PC
 * may not have (⏸ drew as an empty box): the screens draw them with Icon.svelte instead.
 * Written as code points so that this list is not itself a file that holds them.
 */
const iconGlyphs = [
  0x23f8, // ⏸
  0x25b6, // ▶
  0x2713, // ✓
  0x26a0, // ⚠
  0x2715, // ✕
  0x2714, // ✔
  0x2716, // ✖
  0x23f5, // ⏵
  0x23f9, // ⏹
  0x2605, // ★
  0x2606, // ☆
  0x27f2, // ⟲
  0x21bb, // ↻
  0x2717, // ✗
  0x2726, // ✦
  0x21b6, // ↶
  0x23f1, // ⏱
  0x270e, // ✎
  0x27f6, // ⟶
  0x25cf, // ●
  0x25cb, // ○
  0x25b8, // ▸
  0x25c2, // ◂
  0x25be, // ▾
  0x283f, // ⠿
].map((code) => String.fromCodePoint(code));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(svelte|ts)$/.test(name) ? [path] : [];
  });
}

describe('icons', () => {
  it('no screen types a symbol as an icon: every icon is an SVG', () => {
    const root = join(import.meta.dirname, '../../client');
    const found = sourceFiles(root).flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      return iconGlyphs.filter((glyph) => text.includes(glyph)).map((glyph) => `${relative(root, path)}: ${glyph}`);
    });
    expect(found).toEqual([]);
  });

  it('draws an svg in the colour and size of its text, hidden from screen readers', () => {
    const { container } = render(Icon, { name: 'pause' });
    const svg = container.querySelector('svg')!;
    expect(svg).not.toBeNull();
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.getAttribute('focusable')).toBe('false');
    expect(svg.getAttribute('stroke')).toBe('currentColor');
    expect(svg.getAttribute('width')).toBe('1em');
    expect(svg.querySelector('path')!.getAttribute('d')).toBeTruthy();
  });

  it('marks the icons that point the way of reading, which mirror in right to left', () => {
    const play = render(Icon, { name: 'play' }).container.querySelector('svg')!;
    const pause = render(Icon, { name: 'pause' }).container.querySelector('svg')!;
    expect(play.classList.contains('directional')).toBe(true);
    expect(pause.classList.contains('directional')).toBe(false);
  });

  it('a button keeps its text label beside the icon', async () => {
    const { default: ReplayControls } = await import('../../client/components/ReplayControls.svelte');
    const position = { index: 0, length: 3, playing: false, speed: 1, elapsedMs: 0, durationMs: 1000, marks: [] };
    const none = () => {};
    const { getByRole } = render(ReplayControls, { position, lang: 'en', onplay: none, onpause: none, onstep: none, onspeed: none });
    const play = getByRole('button', { name: 'Play' });
    expect(play.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
  });
});
