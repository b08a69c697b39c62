#!/usr/bin/env node
/**
 * `npm ci` refuses a package-lock.json that lacks the platform-specific optional packages of a
 * dependency (e.g. @swc/core-darwin-arm64, @unrs/resolver-binding-win32-x64-msvc): "Missing: ...
 * from lock file". A lock written where the registry serves only Linux binaries (as on the CI
 * machine) has exactly that gap, and `npm install` cannot fill it there.
 *
 *   node scripts/lockfile-platforms.mjs --check   # exit 1 and list what is missing
 *   node scripts/lockfile-platforms.mjs           # add the missing entries, then commit the lock
 *
 * Each added entry records version, os, cpu (and libc) and `optional: true`, like npm's own
 * entries for foreign platforms; npm never downloads it on a machine whose platform differs.
 * On the platform it names, npm resolves it from the registry when installing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const lockPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
const PLATFORM =
  /-(darwin|linux|win32|android|freebsd|openharmony|sunos|netbsd|openbsd|aix)-(x64|arm64|ia32|arm|ppc64|s390x|riscv64|loong64)(?:-(gnu|musl|gnueabihf|musleabihf|msvc|eabi))?$/;

function platformOf(name) {
  const m = PLATFORM.exec(name);
  if (!m) return undefined;
  const [, os, cpu, abi] = m;
  const entry = { cpu: [cpu], os: [os] };
  if (os === 'linux' && (abi === 'gnu' || abi === 'gnueabihf')) entry.libc = ['glibc'];
  if (os === 'linux' && (abi === 'musl' || abi === 'musleabihf')) entry.libc = ['musl'];
  return entry;
}

const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages ?? {};
const missing = [];
for (const [key, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${key ? `${key}/` : ''}node_modules/${dep}`;
    if (packages[nested] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) continue; // not a platform binary: a real gap, leave it to npm install
    missing.push({
      key: `node_modules/${dep}`,
      entry: { version, ...platform, ...(entry.dev ? { dev: true } : {}), optional: true },
    });
  }
}

if (process.argv.includes('--check')) {
  if (missing.length === 0) {
    console.log('package-lock.json: every platform-specific optional package is recorded');
    process.exit(0);
  }
  console.error(
    `package-lock.json lacks ${missing.length} platform-specific optional package(s), so \`npm ci\` will refuse it:`,
  );
  for (const m of missing) console.error(`  ${m.key.slice('node_modules/'.length)}@${m.entry.version}`);
  console.error('fix: node scripts/lockfile-platforms.mjs && git commit package-lock.json');
  process.exit(1);
}

const seen = new Set();
for (const m of missing) {
  if (seen.has(m.key)) continue;
  seen.add(m.key);
  packages[m.key] = m.entry;
}
// npm keeps entries sorted by path with the root ("") first.
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))),
);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${seen.size} platform-specific optional package(s)`);
