/**
 * No source file outside tests and migrations is over 300 lines without a one-line reason as its
 * first line (`// Over 300 lines: <reason>.`): a longer file holds parts that read better apart
 * (one component per section of a screen, say), unless it is one cohesive thing (a generated
 * file, a contract test, a SQL builder), which the reason says. The files are git's: read from
 * its index, since a unit suite starts no process (test/support/unit-environment.js).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const LIMIT = 300;
const REASON = /^\/\/ Over 300 lines: \S.*\.$/;

/** Outside the rule: tests, migrations, fixtures and the generated OpenAPI types. */
const EXEMPT = [/(^|\/)test\//, /\.spec\.[^/]+$/, /(^|\/)migrations\//, /(^|\/)schema\.d\.ts$/, /fixtures/];

/** The repository's git directory: `.git` itself, or where a worktree's `.git` file points. */
function gitDirectory(): string {
  const dotGit = join(ROOT, '.git');
  if (statSync(dotGit).isDirectory()) return dotGit;
  const pointer = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'));
  if (!pointer) throw new Error(`${dotGit} names no git directory`);
  return pointer[1].trim();
}

/** The paths git tracks, from its index (versions 2 to 4; see git's gitformat-index). */
function trackedPaths(index: Buffer): string[] {
  if (index.toString('latin1', 0, 4) !== 'DIRC') throw new Error('not a git index');
  const version = index.readUInt32BE(4);
  if (version < 2 || version > 4) throw new Error(`git index version ${version} is not supported`);
  const paths: string[] = [];
  let offset = 12;
  let previous = '';
  for (let i = index.readUInt32BE(8); i > 0; i--) {
    const start = offset;
    const flags = index.readUInt16BE(start + 60);
    offset = start + 62 + (version >= 3 && flags & 0x4000 ? 2 : 0);
    if (version === 4) {
      // The path is the previous one less N trailing bytes (N a varint), plus a NUL-terminated suffix.
      let strip = index[offset] & 0x7f;
      while (index[offset++] & 0x80) strip = ((strip + 1) << 7) | (index[offset] & 0x7f);
      const end = index.indexOf(0, offset);
      previous = previous.slice(0, previous.length - strip) + index.toString('utf8', offset, end);
      paths.push(previous);
      offset = end + 1;
    } else {
      const end = index.indexOf(0, offset);
      paths.push(index.toString('utf8', offset, end));
      // Entries are NUL-padded to a multiple of eight bytes (one NUL at least).
      offset = start + Math.ceil((end - start + 1) / 8) * 8;
    }
  }
  return paths;
}

describe('source files', () => {
  it(`are at most ${LIMIT} lines, or say why on their first line ("// Over 300 lines: <reason>.")`, () => {
    const sources = trackedPaths(readFileSync(join(gitDirectory(), 'index')))
      .filter((path) => /\.(ts|tsx|mjs)$/.test(path) && !EXEMPT.some((pattern) => pattern.test(path)))
      // A file deleted in the work tree but still in the index is not a source any more.
      .filter((path) => statSync(join(ROOT, path), { throwIfNoEntry: false }));
    expect(sources.length).toBeGreaterThan(500);
    const unexplained = sources.filter((path) => {
      const lines = readFileSync(join(ROOT, path), 'utf8').replace(/\n$/, '').split('\n');
      return lines.length > LIMIT && !REASON.test(lines[0]);
    });
    expect(unexplained).toEqual([]);
  });
});
