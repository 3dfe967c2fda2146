import { svelte } from '@sveltejs/vite-plugin-svelte';
import path from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { AUDIENCE_JS_BUDGET_BYTES, audienceInitialJs } from './scripts/audience-bundle';

/** Prints the audience page's first-load JavaScript after each build (checked by a test too). */
function audienceBudget(): Plugin {
  return {
    name: 'podium-audience-budget',
    apply: 'build',
    closeBundle() {
      const size = audienceInitialJs(path.resolve('dist'));
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      console.log(`audience page initial JS: ${kb(size.gzipBytes)} gzipped (${kb(size.bytes)} raw, ${size.files.length} files; budget ${kb(AUDIENCE_JS_BUDGET_BYTES)})`);
    },
  };
}

// The client is built into dist/ and served by the server. No source maps: nothing of the
// client's source is needed by a screen (and the client never holds a secret anyway).
export default defineConfig({
  root: 'client',
  publicDir: false,
  plugins: [svelte(), audienceBudget()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
    manifest: true,
    rolldownOptions: {
      output: {
        // The small modules and components every public screen shares (the audience page's first
        // load: theme, state, formats, the reveal card, the results list, icons…) in one chunk
        // rather than one each: a chunk per module costs the first load its imports, headers and
        // a gzip dictionary of its own.
        codeSplitting: {
          groups: [
            {
              name: 'screen-common',
              test: /(shared[\\/](theme|theme-names|announcements|state|format|attendance-text|reactions)|client[\\/]lib[\\/](theme|image-url|ceremony-view|lazy-chart|run-mark|phrase))\.ts$|client[\\/]components[\\/](ResultsList|CeremonyTitle|Icon|RevealCard|AttendanceNote|Phrase|HoldCard|LanguageSwitch|RunMark)\.svelte$/,
            },
          ],
        },
      },
    },
  },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          root: '.',
          include: ['tests/shared/**/*.test.ts', 'tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          setupFiles: ['tests/helpers/patient-waits.ts'],
          expect: { poll: { timeout: 30_000 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          root: '.',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // A browser test waits for what it checks, never for the clock; these limits are only
          // there to end a test that hangs, and fit a two-core machine busy with other work
          // (a whole ceremony in Chromium takes a few seconds idle, and over 30 s under load).
          testTimeout: 300_000,
          hookTimeout: 120_000,
          setupFiles: ['tests/helpers/patient-waits.ts'],
          expect: { poll: { timeout: 60_000, interval: 100 } },
        },
      },
      {
        extends: true,
        resolve: { conditions: ['browser'] },
        test: {
          name: 'client',
          root: '.',
          include: ['tests/client/**/*.test.ts'],
          environment: 'jsdom',
          // Mounts are cleaned up after each test without relying on vitest globals.
          setupFiles: ['@testing-library/svelte/vitest'],
        },
      },
    ],
  },
});
