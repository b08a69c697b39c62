import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { entryScripts, firstPageJavaScript, staticImports } from './workbench';

describe('workbench.bundle_kb: what the first page loads', () => {
  it('takes the module scripts and modulepreloads of index.html, not stylesheets or classic scripts', () => {
    const html = `<!doctype html><head>
      <script type="module" crossorigin src="/assets/index-A.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-B.js">
      <link rel="stylesheet" href="/assets/index-C.css">
      <script src="/legacy.js"></script></head>`;
    expect(entryScripts(html)).toEqual(['/assets/index-A.js', '/assets/vendor-B.js']);
  });

  it('follows static imports and re-exports, never dynamic import()', () => {
    const source =
      'import{a as b}from"./shared-D.js";import"./side-E.js";export{c}from"./more-F.js";' +
      'const l=()=>import("./Screen-G.js");x.import("./nope.js")';
    expect(staticImports(source).sort()).toEqual(['./more-F.js', './shared-D.js', './side-E.js']);
  });

  it('sums each script once, gzipped, through the static import graph', () => {
    const dist = mkdtempSync(join(tmpdir(), 'wb-'));
    mkdirSync(join(dist, 'assets'));
    const files: Record<string, string> = {
      'assets/index-A.js':
        'import{x}from"./shared-B.js";const s=()=>import("./Lazy-C.js");' + 'a'.repeat(5000),
      'assets/shared-B.js': 'import"./index-A.js";export const x=1;' + 'b'.repeat(3000),
      'assets/Lazy-C.js': 'c'.repeat(9000),
    };
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dist, f), text);
    writeFileSync(join(dist, 'index.html'), '<script type="module" src="/assets/index-A.js"></script>');
    const scripts = firstPageJavaScript(dist);
    expect(scripts.map((s) => s.path)).toEqual(['/assets/index-A.js', '/assets/shared-B.js']);
    expect(scripts[0].gzipped).toBe(gzipSync(files['assets/index-A.js']).length);
  });
});
