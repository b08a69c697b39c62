import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { REQUIRED_NODE_MAJOR, unsupportedNodeReason } from '../src/runtime/supported-node';

const ROOT = join(__dirname, '../../..');

/** The machine's own Node when it is older than 24 (as on CI here), found on PATH past node_modules/.bin. */
function olderNodeOnPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const node = join(dir, 'node');
    if (dir.includes('node_modules') || !existsSync(node)) continue;
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
    if (/^v\d+/.test(version) && Number(version.slice(1).split('.')[0]) < 24) return node;
  }
  return undefined;
}

describe('the supported Node.js runtime', () => {
  it('is 24, as package.json engines and .nvmrc say', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(REQUIRED_NODE_MAJOR).toBe(24);
    expect(pkg.engines.node).toMatch(/^>=24\./);
    expect(readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()).toMatch(/^24\.\d+\.\d+$/);
  });

  it('refuses Node 20 and 22 with what to do, and accepts 24 and later', () => {
    for (const old of ['v20.20.2', 'v22.12.0', 'v23.11.1']) {
      const reason = unsupportedNodeReason('services/intake/src/main.ts', old);
      expect(reason).toContain(
        `services/intake/src/main.ts needs Node.js 24 or later and this is Node ${old}`,
      );
      expect(reason).toContain('npm ci puts Node 24 in node_modules/.bin/node');
    }
    for (const ok of ['v24.11.0', 'v24.22.3', 'v26.0.0'])
      expect(unsupportedNodeReason('x', ok)).toBeUndefined();
  });

  it('runs this suite (npm scripts put the provisioned Node first on PATH)', () => {
    expect(unsupportedNodeReason('jest')).toBeUndefined();
  });

  const older = olderNodeOnPath();
  // Only where the machine has an older Node, which is what the check is for.
  (older ? it : it.skip)("a service started on the machine's older Node exits 1 with what to do", () => {
    const run = spawnSync(older!, ['-r', '@swc-node/register', 'services/intake/src/main.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^services\/intake\/src\/main\.ts needs Node\.js 24 or later and this is Node v\d+/,
    );
    expect(run.stderr).toContain('npm ci puts Node 24 in node_modules/.bin/node');
  });

  // The check must come before anything else is loaded, so that an old Node gets the message
  // rather than an ERR_REQUIRE_ESM from deep inside NestJS.
  it.each([
    ...readdirSync(join(ROOT, 'services')).map((service) => `services/${service}/src/main.ts`),
    'scripts/start.ts',
    'scripts/migrate.ts',
    'scripts/cases.ts',
    'scripts/demo.ts',
    'services/gateway/src/cli/token.ts',
    'services/gateway/src/cli/openapi.ts',
    'test/bench/run.ts',
    'test/fault/run.ts',
  ])('%s checks the runtime before its first other import', (entry) => {
    const imports = readFileSync(join(ROOT, entry), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('import '));
    expect(imports[0]).toBe("import '@lse/service-kit/src/runtime/require-supported-node';");
  });
});
