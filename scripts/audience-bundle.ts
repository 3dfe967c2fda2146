import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The audience page's first-load JavaScript budget, gzipped (a phone on a weak network). */
export const AUDIENCE_JS_BUDGET_BYTES = 60 * 1024;

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/**
 * The JavaScript the audience page loads before it can show anything: the entry chunk, the
 * audience page chunk it imports at once, and their static imports. Lazy chunks (chart.js, other
 * pages) are not counted. Reads Vite's manifest in distDir.
 */
export function audienceInitialJs(distDir: string): { files: string[]; bytes: number; gzipBytes: number } {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const roots = ['index.html', 'pages/AudiencePage.svelte'];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const dep of manifest[key]!.imports ?? []) visit(dep);
  };
  roots.forEach(visit);
  const files = [...seen].map((key) => manifest[key]!.file).filter((f) => f.endsWith('.js'));
  const contents = files.map((f) => fs.readFileSync(path.join(distDir, f)));
  return {
    files,
    bytes: contents.reduce((n, c) => n + c.length, 0),
    gzipBytes: contents.reduce((n, c) => n + gzipSync(c, { level: 9 }).length, 0),
  };
}
