/**
 * `npm run cases -- <command>`: the auditor's and FOIA officer's tools, straight against
 * DATABASE_URL (no running services needed).
 *
 *   history <case> [--json]                 every event of the case, with actor, time, cause, correlation
 *   state <case> [--as-of <instant>]        the case's state as of an instant, replayed and chain-checked
 *   verify [--case <case>] [--json]         hash chains, the latest checkpoint and the released FOIA packages
 *                                           kept as released; exit 1 when broken
 *   checkpoint [--export <file>]            take an integrity checkpoint; write it signed (Ed25519)
 *   foia compile|release <request> --cutoff <instant> [--out <dir>]
 *                                           warns on stderr when the package would be empty
 *   foia package <request> [--out <dir>]    the released package as kept at release (digests checked), or
 *                                           compiled again when none was kept, and why
 *   rebuild <projection>                    a service's read models from position 0 (progress on a TTY):
 *                                           timeline, intake, investigation, collections, partners
 *   rule-sets [--json]                      every back-wage rule-set version: effective date, publisher, reason
 *   back-wages rerun <case> <computation> [--rule-sets ID@VERSION,...] [--json]
 *                                           a computation under newer rule-set versions: what changes per
 *                                           worker and workweek (a what-if; nothing but the read is recorded)
 *
 * --as <id> names the operator recorded in RecordAccessed and FOIA events (default $USER).
 */
import '@lse/service-kit/src/runtime/require-supported-node';
import { openAuditCore } from '@lse/audit/src/audit-core';
import { parseArgs, UsageError } from './cases/args';
import { run } from './cases/commands';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
    if (!args.positional[0])
      throw new UsageError(
        'give a command: history, state, verify, checkpoint, foia, rebuild, rule-sets, back-wages',
      );
  } catch (err) {
    process.stderr.write(`cases: ${(err as Error).message}\n`);
    return 2;
  }
  const connectionString = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lse';
  const core = await openAuditCore({
    connectionString,
    eventStoreSchema: process.env.EVENT_STORE_SCHEMA ?? 'event_store',
    auditSchema: process.env.AUDIT_SCHEMA ?? 'audit',
    poolMax: 2,
    evidenceDir: process.env.EVIDENCE_DIR,
  }).catch((err: Error) => {
    throw new Error(`cannot open the database at DATABASE_URL (${err.message}); run npm run migrate`);
  });
  try {
    const operator = (args.flags.get('--as') as string | undefined) ?? process.env.USER ?? 'cli';
    return await run(args.positional[0], args, {
      core,
      connectionString,
      out: (line) => process.stdout.write(line + '\n'),
      warn: (line) => process.stderr.write(line + '\n'),
      operator,
    });
  } catch (err) {
    process.stderr.write(`cases: ${((err as Error).message || String(err)).split('\n')[0]}\n`);
    return err instanceof UsageError ? 2 : 1;
  } finally {
    await core.close();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err: Error) => {
    process.stderr.write(`cases: ${err.message.split('\n')[0]}\n`);
    process.exit(1);
  });
