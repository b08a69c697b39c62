/**
 * The workbench's budgets (issue 19): not timed tests, figures with goals.
 *
 * workbench.bundle_kb: the JavaScript the first page loads, gzipped (zlib's default level, as a
 * compressing proxy would send it; close to the gzip column of Vite's build report), in kB of
 * 1,000 bytes: the module scripts and modulepreloads apps/workbench/dist/index.html names and
 * everything they import statically (what a browser fetches before the first screen; screens
 * loaded on demand are not counted). Built first when dist is missing or older than its sources.
 *
 * workbench.case_1k_ms is measured by suites/workbench-case.ts (it needs the whole system).
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import buildWorkbench, { WORKBENCH_DIST } from '../../browser/support/build-workbench';
import { defineSuite } from '../harness';

/** The scripts index.html loads before anything runs: module scripts and modulepreloads. */
export function entryScripts(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    if (/^<script/i.test(tag) && attr('type') === 'module' && attr('src')) found.push(attr('src')!);
    if (/^<link/i.test(tag) && attr('rel')?.split(/\s+/).includes('modulepreload') && attr('href'))
      found.push(attr('href')!);
  }
  return found;
}

/** Relative modules a script imports statically (`import ... from "./x.js"`, `export ... from`, `import "./x.js"`); never import(). */
export function staticImports(source: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g;
  for (const m of source.matchAll(pattern)) found.add(m[1]);
  return [...found];
}

/** Every script the first page loads (paths under dist, e.g. `/assets/index-abc.js`) with its bytes and gzipped bytes. */
export function firstPageJavaScript(dist: string): Array<{ path: string; bytes: number; gzipped: number }> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const queue = entryScripts(html).map((src) => new URL(src, 'http://workbench/').pathname);
  const seen = new Set<string>();
  const out: Array<{ path: string; bytes: number; gzipped: number }> = [];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const source = readFileSync(join(dist, path));
    out.push({ path, bytes: source.length, gzipped: gzipSync(source).length });
    for (const spec of staticImports(source.toString('utf8')))
      queue.push(posix.join(posix.dirname(path), spec));
  }
  return out;
}

export default defineSuite({
  name: 'workbench',
  async setup() {
    buildWorkbench();
  },
  measurements: [
    {
      name: 'workbench.bundle_kb',
      unit: 'kB',
      async measure() {
        const scripts = firstPageJavaScript(WORKBENCH_DIST);
        if (scripts.length === 0) throw new Error('apps/workbench/dist/index.html loads no module script');
        const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
        process.stderr.write(
          `    first page: ${scripts.map((s) => `${s.path} ${kB(s.gzipped)} (${kB(s.bytes)} uncompressed)`).join(', ')}\n`,
        );
        return scripts.reduce((sum, s) => sum + s.gzipped, 0) / 1000;
      },
    },
  ],
  goals: [{ name: 'workbench.bundle_kb', maxValue: 250, source: 'issue 19' }],
});
