/**
 * `npm run keys -- <command>`: the operator's keyring tools, straight against DATABASE_URL.
 *
 *   rotate --to <new-key-file> [--from <key-file>] [--schema <name>[,<name>...]]
 *       re-wraps every live key of every keyring (each schema's `subject_keys`, the gateway's
 *       `gateway_response_keys`) from the current master key (LSE_MASTER_KEY_FILE, or --from) to
 *       the one in <new-key-file>; --schema limits it to those schemas. Safe to run again.
 *       Then: point LSE_MASTER_KEY_FILE at the new file and restart the services
 *       (docs/erasure.md#rotating-the-master-key).
 *
 * Exit 0 when done, 1 when refused (a key file missing or malformed, a key that opens with
 * neither master key: nothing written), 2 for a usage mistake.
 */
import '@lse/service-kit/src/runtime/require-supported-node';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import {
  FileMasterKey,
  findKeyrings,
  MasterKeyError,
  masterKeyFromEnvironment,
  rotateMasterKey,
} from '@lse/crypto-shred';

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { to: { type: 'string' }, from: { type: 'string' }, schema: { type: 'string' } },
    });
    if (parsed.positionals[0] !== 'rotate' || parsed.positionals.length > 1)
      throw new UsageError(
        'give a command: rotate --to <new-key-file> [--from <key-file>] [--schema <names>]',
      );
    if (!parsed.values.to) throw new UsageError('rotate needs --to <new-key-file>: the new master key');
    options = parsed.values as { to: string; from?: string; schema?: string };
  } catch (err) {
    process.stderr.write(`keys: ${(err as Error).message}\n`);
    return 2;
  }
  let current: FileMasterKey;
  let next: FileMasterKey;
  try {
    current = options.from ? FileMasterKey.load(options.from) : masterKeyFromEnvironment();
    next = FileMasterKey.load(options.to);
  } catch (err) {
    if (!(err instanceof MasterKeyError)) throw err;
    process.stderr.write(`keys: ${err.message}; nothing was changed\n`);
    return 1;
  }
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lse',
    max: 8,
    application_name: 'lse-keys',
  });
  try {
    const only = options.schema?.split(',').map((s) => s.trim());
    const keyrings = (await findKeyrings(pool)).filter((k) => !only || only.includes(k.schema));
    if (keyrings.length === 0) {
      process.stderr.write(
        `keys: no keyring found${only ? ` in ${only.join(', ')}` : ''} at DATABASE_URL: run npm run migrate\n`,
      );
      return 1;
    }
    const report = await rotateMasterKey(pool, keyrings, current, next);
    for (const r of report)
      process.stdout.write(
        `${r.schema}.${r.table}: ${r.rewrapped} re-wrapped, ${r.alreadyNew} already under the new key, ` +
          `${r.destroyed} destroyed (left destroyed)\n`,
      );
    process.stdout.write(
      'Next: set LSE_MASTER_KEY_FILE to the new file and restart every service; run this again ' +
        'after the restart (keys made meanwhile are re-wrapped; the rest is left as it is).\n',
    );
    return 0;
  } catch (err) {
    if (!(err instanceof MasterKeyError)) throw err;
    process.stderr.write(`keys: ${err.message}\n`);
    return 1;
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err: Error) => {
    process.stderr.write(`keys: ${(err.message || String(err)).split('\n')[0]}\n`);
    process.exit(1);
  });
