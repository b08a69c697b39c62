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
import { investigationEventOf, investigationStreamId } from '@lse/contracts';
import { replay, utcDateOf } from '@lse/domain';
import { investigationDecider } from '@lse/investigation-domain';
import {
  computeForInvestigation,
  ruleSetsInForce,
  ruleSetVersions,
} from '@lse/investigation/src/back-wages/compute';
import { rerunDiff } from '@lse/investigation/src/back-wages/rerun-diff';
import { loadRuleSetCatalog } from '@lse/investigation/src/back-wages/rule-set-versions';
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
    ctx.core.sealed,
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
        const page = await historyFromStore(ctx.core.sealed, caseId, after, 1000);
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
      const state = await caseStateAsOf(ctx.core.sealed, caseId, asOf);
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
      // Then the released FOIA packages kept as released: each must be the bytes recorded.
      const copies = report.ok ? await ctx.core.foia.copies?.check(caseId) : undefined;
      const ok = report.ok && (copies?.altered.length ?? 0) === 0;
      if (args.flags.has('--json')) ctx.out(JSON.stringify({ ...report, ok, releasedPackages: copies }));
      else if (report.ok) {
        ctx.out(
          `ok: ${scope}, ${report.streamsChecked} streams, ${report.eventsChecked} events${report.checkpoint ? `, checkpoint at position ${report.checkpoint.position} matches` : ', no checkpoint yet'}`,
        );
        for (const requestId of copies?.altered ?? [])
          ctx.out(
            `BROKEN: released package ${requestId}: the stored copy does not match its recorded digest`,
          );
        if (copies && copies.altered.length === 0)
          ctx.out(
            `ok: ${copies.checked} released FOIA packages stored, each the bytes recorded${copies.erased ? ` (${copies.erased} unreadable: a case's key destroyed)` : ''}`,
          );
      } else {
        const b = report.firstBroken!;
        ctx.out(
          `BROKEN: ${scope}: ${b.problem} at ${b.streamId} version ${b.streamVersion}${b.globalPosition === null ? '' : ` (global position ${b.globalPosition})`}`,
        );
      }
      return ok ? 0 : 1;
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
      if (first === 'package') {
        // What GET /foia-requests/{id}/package serves: the bytes stored at release, checked
        // against the recorded digests, or compiled again when none is kept (and why).
        const served = await ctx.core.foia.released(requestId);
        const summary = (JSON.parse(served.json) as { summary: Record<string, number> }).summary;
        ctx.out(
          `released package: ${summary.records} records, ${summary.withheld} withheld, ${summary.released} released by override; sha256 ${served.sha256}; ${served.source === 'stored' ? 'the stored copy, as released' : `recompiled (${served.recompiled})`}`,
        );
        if (served.sha256 !== served.releasedSha256)
          ctx.warn(`warning: not the released bytes: the release recorded sha256 ${served.releasedSha256}`);
        const dir = args.flags.get('--out');
        if (typeof dir === 'string') {
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, `foia-${requestId}.json`), served.json);
          writeFileSync(join(dir, `foia-${requestId}.html`), served.html);
          ctx.out(`written to ${dir}/foia-${requestId}.json and .html`);
        }
        return 0;
      }
      const cutoff = instantArg(args.flags.get('--cutoff'), '--cutoff');
      const call = { actor: officer(ctx), correlationId: `cli-${randomUUID()}`, now: new Date() };
      let result;
      if (first === 'compile') result = await ctx.core.foia.compile(requestId, cutoff, call);
      else if (first === 'release') result = await ctx.core.foia.release(requestId, cutoff, call);
      else
        throw new UsageError(
          'foia compile|release <request> --cutoff <instant> [--out <dir>], or foia package <request> [--out <dir>]',
        );
      ctx.out(
        `${first === 'release' ? 'released' : 'compiled'}: ${result.package.summary.records} records, ${result.package.summary.withheld} withheld, ${result.package.summary.released} released by override; sha256 ${result.sha256}`,
      );
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
    case 'rule-sets': {
      // Public law, no case: nothing to record.
      const { catalog } = await loadRuleSetCatalog(ctx.core.sealed);
      for (const id of catalog.ids())
        for (const v of catalog.versions(id))
          ctx.out(
            args.flags.has('--json')
              ? JSON.stringify({ id, ...v })
              : `${id}\t${v.ruleSet.version}\tfrom ${v.effectiveFrom}\tby ${v.publishedBy} at ${v.publishedAt}\t${v.reason}`,
          );
      return 0;
    }
    case 'back-wages': {
      if (first !== 'rerun')
        throw new UsageError('back-wages rerun <case> <computation> [--rule-sets ID@VERSION,...]');
      return rerunWhatIf(args, ctx);
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/**
 * `back-wages rerun <case> <computation>`: the computation's hours, filing date and willfulness
 * under newer rule-set versions (named with --rule-sets ID@VERSION,..., else each one's version
 * in force today), and what changes per worker and workweek. A what-if: nothing is recorded but
 * the read (the API's back-wage-reruns records the new computation).
 */
async function rerunWhatIf(args: Parsed, ctx: CliContext): Promise<number> {
  const caseId = uuidArg(args.positional[2], 'case');
  const computationId = uuidArg(args.positional[3], 'computation');
  const recorded = await ctx.core.sealed.readStream(investigationStreamId(caseId));
  const state = replay(investigationDecider, recorded.map(investigationEventOf));
  if (state.status === 'none') throw new Error(`no investigation for case ${caseId}`);
  const inv = state.investigation;
  const before = inv.computations[computationId];
  if (!before) throw new Error(`no computation ${computationId} in case ${caseId}`);
  const { catalog } = await loadRuleSetCatalog(ctx.core.sealed);
  const named = args.flags.get('--rule-sets');
  const refs =
    typeof named === 'string'
      ? named.split(',').map((ref) => {
          const at = ref.indexOf('@');
          if (at <= 0) throw new UsageError(`--rule-sets wants ID@VERSION, not "${ref}"`);
          return { id: ref.slice(0, at), version: ref.slice(at + 1) };
        })
      : null;
  const ruleSets = refs
    ? ruleSetVersions(catalog, refs)
    : ruleSetsInForce(
        catalog,
        before.ruleSets.map((r) => r.id),
        utcDateOf(new Date()),
      );
  // Worker figures are personal data: the read is recorded before anything is shown.
  await recordRead(ctx, 'back-wage-trace', caseId, 'cases back-wages rerun (CLI)');
  const { event: after } = computeForInvestigation({
    computationId: randomUUID(),
    rerunOf: before.computationId,
    ruleSets,
    filingDate: before.filingDate,
    willful: before.willful,
    recordSets: before.recordSetIds.map((id) => inv.recordSets[id]),
  });
  const diff = rerunDiff(before, after);
  if (args.flags.has('--json')) {
    ctx.out(JSON.stringify(diff));
    return 0;
  }
  const refText = (rs: { id: string; version: string }[]) => rs.map((r) => `${r.id}@${r.version}`).join(',');
  const money = (c: number) => `${c < 0 ? '-' : ''}$${(Math.abs(c) / 100).toFixed(2)}`;
  ctx.out(
    `computation ${computationId}: ${refText(diff.ruleSets.before)} -> ${refText(diff.ruleSets.after)}`,
  );
  ctx.out(
    `total ${money(diff.totals.before.totalCents)} -> ${money(diff.totals.after.totalCents)} (${money(diff.totals.change.totalCents)})`,
  );
  for (const w of diff.workers) {
    ctx.out(
      `worker ${w.workerId}\ttotal ${money(w.before.totalCents)} -> ${money(w.after.totalCents)} (${money(w.change.totalCents)})`,
    );
    for (const week of w.weeks)
      ctx.out(
        `  week ${week.weekStart}\tback wages ${money(week.before?.unpaidWagesCents ?? 0)} -> ${money(week.after?.unpaidWagesCents ?? 0)}` +
          `\tdamages ${money(week.before?.liquidatedDamagesCents ?? 0)} -> ${money(week.after?.liquidatedDamagesCents ?? 0)}` +
          `\t${week.before?.ruleSetId ?? '-'} -> ${week.after?.ruleSetId ?? '-'}`,
      );
  }
  ctx.out(
    `${diff.workers.length} worker(s) changed, ${diff.unchangedWorkers} unchanged${diff.truncated ? ' (weeks truncated)' : ''}`,
  );
  return 0;
}
