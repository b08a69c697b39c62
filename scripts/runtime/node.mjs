#!/usr/bin/env node
/**
 * The project runs on Node.js 24 (package.json `engines`, the version pinned in `.nvmrc`). This
 * script makes `npm run <anything>` use it on a machine whose own Node is older, with nothing
 * installed by hand:
 *
 *   node scripts/runtime/node.mjs           # root `postinstall` (after `npm ci` / `npm install`)
 *   node scripts/runtime/node.mjs --check   # print the Node that npm scripts run; exit 1 if too old
 *
 * npm puts `node_modules/.bin` first on PATH for every script it runs, so a `node` there wins over
 * the machine's. When the Node running this script is older than 24, it fetches the official
 * binary for this platform from the npm registry (`node-<platform>-<arch>@<.nvmrc>`, the package
 * the registry's `node` package installs too) into `.runtime/` at the repository root, once, and
 * links `node_modules/.bin/node` to it. `.runtime/` is outside node_modules on purpose: `npm ci`
 * empties node_modules every time, and the binary (about 120 MB) should be fetched once per machine,
 * not once per install. On a machine that already has Node 24 or later nothing is fetched or linked.
 *
 * Plain ESM with no dependencies: it runs before anything else is installed, on the old Node.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  lstatSync,
  unlinkSync,
  renameSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PINNED = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim().replace(/^v/, '');
const REQUIRED_MAJOR = Number(PINNED.split('.')[0]);
const BIN_LINK = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'node.exe' : 'node');

const say = (line) => process.stdout.write(`[node-runtime] ${line}\n`);
const fail = (line) => {
  process.stderr.write(`[node-runtime] ERROR: ${line}\n`);
  process.exit(1);
};
const majorOf = (version) => Number(version.replace(/^v/, '').split('.')[0]);

/** The registry package that carries this platform's binary, and the binary's path inside it. */
function platformPackage() {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (!os || !arch) return undefined;
  return { name: `node-${os}-${arch}`, binary: process.platform === 'win32' ? 'bin/node.exe' : 'bin/node' };
}

function versionOf(binary) {
  const run = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/** Fetches the pinned binary into .runtime/node-v<version>/ unless it is already there; returns its path. */
function provision(pkg) {
  const home = join(ROOT, '.runtime', `node-v${PINNED}-${process.platform}-${process.arch}`);
  const binary = join(home, pkg.binary);
  if (existsSync(binary) && versionOf(binary) === `v${PINNED}`) return binary;

  say(
    `this machine runs Node ${process.version}; fetching Node ${PINNED} (${pkg.name}) from the npm registry once, into ${relative(ROOT, home)}/`,
  );
  // A scratch project outside the repository, so npm does not take it for one of our workspaces.
  const scratch = mkdtempSync(join(tmpdir(), 'lse-node-runtime-'));
  try {
    const npm = process.env.npm_execpath;
    const [command, args] = npm ? [process.execPath, [npm]] : ['npm', []];
    const install = spawnSync(
      command,
      [
        ...args,
        'install',
        '--prefix',
        scratch,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        `${pkg.name}@${PINNED}`,
      ],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, npm_config_global: 'false', npm_config_workspaces: 'false' },
      },
    );
    if (install.status !== 0) {
      fail(
        `could not fetch ${pkg.name}@${PINNED} from the npm registry (npm exit ${install.status}).\n` +
          `  Install Node.js ${REQUIRED_MAJOR} yourself (nvm install reads .nvmrc), then run npm ci again.`,
      );
    }
    rmSync(home, { recursive: true, force: true });
    mkdirSync(dirname(home), { recursive: true });
    const fetched = join(scratch, 'node_modules', pkg.name);
    try {
      renameSync(fetched, home);
    } catch {
      cpSync(fetched, home, { recursive: true }); // tmpdir on another filesystem
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const version = versionOf(binary);
  if (version !== `v${PINNED}`)
    fail(`${relative(ROOT, binary)} does not run (got ${version ?? 'no version'}).`);
  return binary;
}

function link(binary) {
  mkdirSync(dirname(BIN_LINK), { recursive: true });
  try {
    if (lstatSync(BIN_LINK)) unlinkSync(BIN_LINK);
  } catch {
    // not there yet
  }
  symlinkSync(relative(dirname(BIN_LINK), binary), BIN_LINK);
}

function check() {
  // Run from an npm script, `node` on PATH is the one every other script gets.
  const version = process.version;
  if (majorOf(version) < REQUIRED_MAJOR) {
    fail(
      `npm scripts run Node ${version}; this project needs Node ${REQUIRED_MAJOR} (${PINNED} pinned in .nvmrc).\n` +
        '  Run `npm ci` (it fetches Node 24 into .runtime/ and links node_modules/.bin/node), or install Node 24.',
    );
  }
  const linked = existsSync(BIN_LINK)
    ? ` (node_modules/.bin/node -> ${relative(ROOT, process.execPath)})`
    : '';
  say(`npm scripts run Node ${version}${linked}`);
}

if (process.argv.includes('--check')) {
  check();
} else if (majorOf(process.version) >= REQUIRED_MAJOR) {
  // The machine's own Node is new enough: nothing to fetch. (npm ci emptied node_modules, so no old link remains.)
  say(`Node ${process.version} is supported; nothing to fetch`);
} else {
  const pkg = platformPackage();
  if (!pkg)
    fail(
      `no Node.js binary package for ${process.platform}-${process.arch}: install Node.js ${REQUIRED_MAJOR} yourself.`,
    );
  link(provision(pkg));
  say(
    `npm scripts now run Node ${PINNED} (node_modules/.bin/node); the machine's Node ${process.version} is left as it is`,
  );
}
