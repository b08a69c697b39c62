import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AuditCore } from '@lse/audit/src/audit-core';
import { caseExists } from '@lse/audit/src/access/case-exists';
import { recordAccess } from '@lse/audit/src/access/record-access';
import { historyFromStore } from '@lse/audit/src/history/history-entry';
import { caseStateAsOf } from '@lse/audit/src/replay/case-state';
import { verifyIntegrity } from '@lse/audit/src/integrity/verify';
import { recordCheckpoint } from '@lse/audit/src/integrity/checkpoints';
import { exportCheckpoint } from '@lse/audit/src/integrity/export';
import { loadSigningKey } from '@lse/audit/src/integrity/signing-key';
import { instantArg, uuidArg, UsageError, type Parsed } from './args';
import { progressBar } from './progress';
import { describeProjection, rebuildNamed } from './rebuild';

type Out = (line: string) => void;
export interface CliContext {
  core: AuditCore;
  /** DATABASE_URL: service read models are rebuilt through their own data sources. */
  connectionString: string;
  out: Out;
  /** Warnings an operator must see (stderr): they do not change the exit code. */
  warn: Out;
  operator: string;
}

const auditor = (ctx: CliContext) => ({ id: ctx.operator, role: 'auditor' as const });
const officer = (ctx: CliContext) => ({ id: ctx.operator, role: 'foia_officer' as const });

async function recordRead(ctx: CliContext, resource: string, caseId: string, operation: string) {
  await recordAccess(
    ctx.core.store,
    { accessId: randomUUID(), resource, caseId, operation },
    auditor(ctx),
    `cli-${randomUUID()}`,
    new Date(),
  );
}

/** Returns the exit code. */
export async function run(command: string, args: Parsed, ctx: CliContext): Promise<number> {
  const [, first, second] = args.positional;
  switch (command) {
    case 'history': {
      const caseId = uuidArg(first, 'case');
      // Reads of the id alone (access records) do not make it a case.
      if (!(await caseExists(ctx.core.store, caseId)))
        throw new Error(`no events recorded for case ${caseId}`);
      // The read is recorded before anything is shown, so it is the history's last line.
      await recordRead(ctx, 'case-history', caseId, 'cases history (CLI)');
      let after = 0;
      let count = 0;
      for (;;) {
        const page = await historyFromStore(ctx.core.store, caseId, after, 1000);
        for (const e of page.items) {
          count++;
          ctx.out(
            args.flags.has('--json')
              ? JSON.stringify(e)
              : `${e.position}\t${e.recordedAt}\t${e.streamId}@${e.streamVersion}\t${e.type}\t${e.actor.role}:${e.actor.id}\tcorrelation=${e.correlationId}${e.causationId ? ` cause=${e.causationId}` : ''}`,
          );
        }
        if (page.next === null) break;
        after = page.next;
      }
      return count > 0 ? 0 : 1;
    }
    case 'state': {
      const caseId = uuidArg(first, 'case');
      const asOf = args.flags.has('--as-of')
        ? instantArg(args.flags.get('--as-of'), '--as-of')
        : new Date().toISOString();
      if (!(await caseExists(ctx.core.store, caseId)))
        throw new Error(`no events recorded for case ${caseId}`);
      await recordRead(ctx, 'case-state', caseId, `cases state as of ${asOf} (CLI)`);
      const state = await caseStateAsOf(ctx.core.store, caseId, asOf);
      if (state.events === 0) throw new Error(`no events of case ${caseId} were recorded by ${asOf}`);
      ctx.out(JSON.stringify(state, null, 2));
      return state.chain.ok ? 0 : 1;
    }
    case 'verify': {
      const caseId = args.flags.has('--case')
        ? uuidArg(args.flags.get('--case') as string, 'case')
        : undefined;
      const report = await verifyIntegrity(ctx.core.store, ctx.core.dataSource, caseId);
      const scope = caseId ? `case ${caseId}` : 'store';
      if (args.flags.has('--json')) ctx.out(JSON.stringify(report));
      else if (report.ok)
        ctx.out(
          `ok: ${scope}, ${report.streamsChecked} streams, ${report.eventsChecked} events${report.checkpoint ? `, checkpoint at position ${report.checkpoint.position} matches` : ', no checkpoint yet'}`,
        );
      else {
        const b = report.firstBroken!;
        ctx.out(
          `BROKEN: ${scope}: ${b.problem} at ${b.streamId} version ${b.streamVersion}${b.globalPosition === null ? '' : ` (global position ${b.globalPosition})`}`,
        );
      }
      return report.ok ? 0 : 1;
    }
    case 'checkpoint': {
      const taken = await recordCheckpoint(ctx.core.store, ctx.core.dataSource);
      ctx.out(
        `${taken.appended ? 'recorded' : 'unchanged'}: position ${taken.data.position}, ${taken.data.streams} streams, root ${taken.data.merkleRoot}`,
      );
      const file = args.flags.get('--export');
      if (typeof file === 'string') {
        writeFileSync(
          file,
          JSON.stringify(
            exportCheckpoint(taken.event, loadSigningKey(process.env.AUDIT_SIGNING_KEY_FILE)),
            null,
            2,
          ) + '\n',
        );
        ctx.out(`signed checkpoint written to ${file}`);
      }
      return 0;
    }
    case 'foia': {
      const requestId = uuidArg(second, 'FOIA request');
      let result;
      if (first === 'package') {
        // The released package, compiled again and checked against its recorded digest: what
        // GET /foia-requests/{id}/package serves. Compiling a released request is refused.
        result = await ctx.core.foia.released(requestId);
        ctx.out(
          `released package: ${result.package.summary.records} records, ${result.package.summary.withheld} withheld, ${result.package.summary.released} released by override; sha256 ${result.sha256}`,
        );
      } else {
        const cutoff = instantArg(args.flags.get('--cutoff'), '--cutoff');
        const call = { actor: officer(ctx), correlationId: `cli-${randomUUID()}`, now: new Date() };
        if (first === 'compile') result = await ctx.core.foia.compile(requestId, cutoff, call);
        else if (first === 'release') result = await ctx.core.foia.release(requestId, cutoff, call);
        else
          throw new UsageError(
            'foia compile|release <request> --cutoff <instant> [--out <dir>], or foia package <request> [--out <dir>]',
          );
        ctx.out(
          `${first === 'release' ? 'released' : 'compiled'}: ${result.package.summary.records} records, ${result.package.summary.withheld} withheld, ${result.package.summary.released} released by override; sha256 ${result.sha256}`,
        );
      }
      for (const warning of result.warnings) ctx.warn(`warning: ${warning}`);
      const dir = args.flags.get('--out');
      if (typeof dir === 'string') {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `foia-${requestId}.json`), JSON.stringify(result.package, null, 2) + '\n');
        writeFileSync(join(dir, `foia-${requestId}.html`), result.html);
        ctx.out(`written to ${dir}/foia-${requestId}.json and .html`);
      }
      return 0;
    }
    case 'rebuild': {
      const bar = progressBar(first ?? 'rebuild');
      const done = await rebuildNamed(first, ctx.core, ctx.connectionString, (n, total) =>
        bar.update(n, total),
      );
      bar.finish();
      ctx.out(
        `rebuilt ${first} (${describeProjection(first)}): ${done.events} events to position ${done.position}`,
      );
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}
