import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const STATIC_IMPORT = /(?:\bimport\s*|\bfrom\s*)"\.\/([^"]+\.js)"/g;

/** A chunk and every chunk it imports statically (not `import()`), by file name. */
function withStaticImports(assets: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = fs.readFileSync(path.join(assets, file), 'utf8');
  for (const match of code.matchAll(STATIC_IMPORT)) withStaticImports(assets, match[1]!, seen);
  return seen;
}

/**
 * The audience page's initial JavaScript, gzipped: index.html's entry script, the AudiencePage
 * chunk, and everything either imports statically. Each file counted once.
 */
export function audienceInitialJs(distDir: string): { files: { file: string; bytes: number; gzipBytes: number }[]; bytes: number; gzipBytes: number } {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error(`no entry script in ${distDir}/index.html: run \`npm run build\``);
  const assets = path.join(distDir, 'assets');
  const page = fs.readdirSync(assets).find((f) => /^AudiencePage-.*\.js$/.test(f));
  if (!page) throw new Error('no AudiencePage chunk in dist/assets');
  const files = [...new Set([...withStaticImports(assets, entry), ...withStaticImports(assets, page)])].map((file) => {
    const code = fs.readFileSync(path.join(assets, file));
    return { file, bytes: code.length, gzipBytes: zlib.gzipSync(code, { level: 9 }).length };
  });
  return { files, bytes: files.reduce((n, f) => n + f.bytes, 0), gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0) };
}
