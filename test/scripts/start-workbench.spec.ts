/**
 * `npm start` builds the workbench when it is not built yet, says so, and starts anyway when the
 * build fails (scripts/lib/workbench.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureWorkbenchBuilt, workbenchDir } from '../../scripts/lib/workbench';

const ROOT = resolve(__dirname, '..', '..');

describe('the workbench build before npm start', () => {
  const fresh = () => mkdtempSync(join(tmpdir(), 'lse-wb-'));

  it('serves apps/workbench/dist unless WORKBENCH_DIR says otherwise (relative to the repository)', () => {
    expect(workbenchDir({})).toBe(join(ROOT, 'apps', 'workbench', 'dist'));
    expect(workbenchDir({ WORKBENCH_DIR: 'var/wb' })).toBe(join(ROOT, 'var', 'wb'));
    expect(workbenchDir({ WORKBENCH_DIR: '/srv/wb' })).toBe('/srv/wb');
  });

  it('does nothing when index.html is there', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    const lines: string[] = [];
    const build = jest.fn(() => 0);
    expect(ensureWorkbenchBuilt(dir, (l) => lines.push(l), build)).toBe('present');
    expect(build).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
  });

  it('builds it when missing, saying so', () => {
    const dir = fresh();
    const lines: string[] = [];
    const build = jest.fn(() => {
      writeFileSync(join(dir, 'index.html'), '<!doctype html>');
      return 0;
    });
    expect(ensureWorkbenchBuilt(dir, (l) => lines.push(l), build)).toBe('built');
    expect(build).toHaveBeenCalledTimes(1);
    expect(lines[0]).toContain('npm run workbench:build');
    expect(lines[0]).toContain(join(dir, 'index.html'));
  });

  it('reports a failed build, or one that wrote no index.html, so that npm start goes on without it', () => {
    expect(
      ensureWorkbenchBuilt(
        fresh(),
        () => undefined,
        () => 1,
      ),
    ).toBe('failed');
    expect(
      ensureWorkbenchBuilt(
        fresh(),
        () => undefined,
        () => null,
      ),
    ).toBe('failed');
    expect(
      ensureWorkbenchBuilt(
        fresh(),
        () => undefined,
        () => 0,
      ),
    ).toBe('failed');
  });
});
