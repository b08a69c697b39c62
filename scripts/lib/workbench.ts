import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The directory the gateway serves the workbench from: WORKBENCH_DIR (relative to the repository, where services run) or apps/workbench/dist. */
export function workbenchDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(ROOT, env.WORKBENCH_DIR?.trim() || join('apps', 'workbench', 'dist'));
}

export type WorkbenchBuild = 'present' | 'built' | 'failed';

/**
 * `npm start` serves the workbench at `/`: when it is not built yet (no index.html), build it
 * first with `npm run workbench:build`. A failed build does not stop the system (the API works
 * without it, and `/` then says how to build it); the caller prints how.
 */
export function ensureWorkbenchBuilt(
  dir: string,
  log: (line: string) => void,
  build: () => number | null = () =>
    spawnSync('npm', ['run', 'workbench:build'], { cwd: ROOT, stdio: 'inherit', env: process.env }).status,
): WorkbenchBuild {
  const index = join(dir, 'index.html');
  if (existsSync(index)) return 'present';
  log(`The workbench is not built (no ${index}): building it with \`npm run workbench:build\` ...`);
  const status = build();
  if (status === 0 && existsSync(index)) {
    log('The workbench is built.');
    return 'built';
  }
  return 'failed';
}
