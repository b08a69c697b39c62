import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

describe('the generated API client types', () => {
  it('match services/gateway/openapi.json (npm run workbench:api regenerates them)', () => {
    // The script is an ES module run by the same Node as the tests (node_modules/.bin/node).
    const run = spawnSync(process.execPath, ['apps/workbench/scripts/api-types.mjs', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('workbench API types match services/gateway/openapi.json');
  }, 60_000);
});
