import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// The client is built into dist/ and served by the server. No source maps: nothing of the
// client's source is needed by a screen (and the client never holds a secret anyway).
export default defineConfig({
  root: 'client',
  publicDir: false,
  plugins: [svelte()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
  },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          root: '.',
          include: ['tests/shared/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
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
