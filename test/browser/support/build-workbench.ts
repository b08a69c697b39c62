/**
 * Jest globalSetup of the browser tests: the gateway serves apps/workbench/dist, so build it
 * (once, before any browser test) when it is missing or older than anything it is built from. A
 * clean clone, `npm test` in CI and `npm run test:browser` all work without a separate build step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const APP = join(ROOT, 'apps/workbench');
export const WORKBENCH_DIST = join(APP, 'dist');
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'package.json', 'public'].map((p) => join(APP, p));

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Why dist must be (re)built, or null when it is up to date. */
export function staleReason(): string | null {
  const index = join(WORKBENCH_DIST, 'index.html');
  if (!existsSync(index)) return 'apps/workbench/dist is missing';
  const built = statSync(index).mtimeMs;
  const sources = Math.max(...SOURCES.map(newest));
  return sources > built ? 'apps/workbench/dist is older than its sources' : null;
}

export default function buildWorkbench(): void {
  const reason = staleReason();
  if (!reason) return;
  process.stderr.write(`\nbrowser tests: ${reason}, building it (npm run workbench:build)\n`);
  const started = Date.now();
  // Jest sets NODE_ENV=test, which Vite would keep: React's development build, three times the size.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npm', ['run', '-s', 'workbench:build'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0)
    throw new Error(`npm run workbench:build failed (exit ${result.status ?? result.signal})`);
  process.stderr.write(`browser tests: workbench built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
