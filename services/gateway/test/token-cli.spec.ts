/** `npm run token` as a first user runs it: `--help` explains itself, a mistake points to it. */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

const token = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'services/gateway/src/cli/token.ts', ...args],
      { cwd: ROOT },
      (err, stdout, stderr) =>
        done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('npm run token', () => {
  jest.setTimeout(30_000);

  it('--help prints what each option means on stdout and exits 0, minting nothing', async () => {
    for (const flag of ['--help', '-h']) {
      const help = await token(flag);
      expect(help).toMatchObject({ code: 0, stderr: '' });
      expect(help.stdout).toContain('usage: npm run token -- --role <');
      expect(help.stdout).toContain('--org <partnerId>');
      expect(help.stdout).toContain('partner_liaison');
      expect(help.stdout).not.toMatch(/^ey/m);
    }
  });

  it('a missing option is one line on stderr with the usage, exit 2', async () => {
    const bad = await token('--role', 'auditor');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^--sub is required\nusage: npm run token/);
  });
});
