import { randomUUID } from 'node:crypto';
import {
  categoryOf,
  foiaStreamId,
  type ExtendFoiaDeadlineInput,
  type OverrideRedactionInput,
  type ReceiveFoiaRequestInput,
  type TollFoiaClockInput,
} from '@lse/contracts';
import {
  buildFoiaPackage,
  clockRuleFor,
  foiaDecider,
  FoiaRequestNotFoundError,
  packageDigest,
  packageWarnings,
  renderPackageHtml,
  sha256Hex,
  type FoiaCommand,
  type FoiaPackage,
  type FoiaState,
} from '@lse/audit-domain';
import { NAMESPACE_LSE, uuidV5, ValidationError } from '@lse/domain';
import { commandIdFor, Metrics, StreamCommands } from '@lse/service-kit';
import type { OpenedEvent, SealedEventStore } from '@lse/crypto-shred';
import type { Actor } from '../access/actor';
import { evidenceContentOf, type EvidenceReader } from './evidence-content';
import { withholdsAt } from './override-target';
import { caseEventsAsOf, foldCase } from '../replay/case-state';
import { foiaRequestView, type FoiaRequestView } from './clock-view';
import { AUDIT_OWN_CATEGORIES } from '../replay/replayers';
import { gatherNamedRecords } from './records';
import { releasedBytes, type ReleasedCopies } from './released-copies';
import { servedPackage, type ServedPackage } from './released-package';

export interface CallContext {
  actor: Actor;
  correlationId: string;
  idempotencyKey?: string;
  now: Date;
  /** From the gateway's If-Match: the version the caller saw. */
  expectedVersion?: number | 'any';
}

export interface CompiledPackage {
  package: FoiaPackage;
  sha256: string;
  html: string;
  htmlSha256: string;
  /** E.g. an empty package, or a case with no records at the cut-off (packageWarnings). */
  warnings: string[];
  /** A person was erased from a requested case (a record read back with erased leaves). */
  erased: boolean;
}

/**
 * FOIA requests: load the request's stream, decide with the pure FOIA decider, append. Packages
 * are compiled from the requested cases' own records (not audit's access or FOIA streams).
 */
export class FoiaDesk {
  private readonly commands: StreamCommands;

  /** Without the service's metrics (the `npm run cases` CLI), a registry of its own that nobody scrapes. */
  constructor(
    private readonly store: SealedEventStore,
    metrics: Metrics = new Metrics('audit', { defaultMetrics: false }),
    /** The evidence store, read-only: evidence files' text in packages (withheld without it). */
    private readonly evidence?: EvidenceReader,
    /** Where released packages are kept as released; without it, every download recompiles. */
    readonly copies?: ReleasedCopies,
  ) {
    this.commands = new StreamCommands({ store, metrics, sourceService: 'audit' });
  }

  async load(requestId: string): Promise<{ state: FoiaState; version: number }> {
    const { recorded, state } = await this.commands.load(foiaDecider, foiaStreamId(requestId));
    return { state, version: recorded.length };
  }

  async get(requestId: string, now = new Date()): Promise<FoiaRequestView> {
    const { state, version } = await this.load(requestId);
    if (state.status === 'none') throw new FoiaRequestNotFoundError(requestId);
    return foiaRequestView(requestId, version, state, now);
  }

  /** The law's one extension: up to its most (the most when `days` is absent). */
  async extend(
    requestId: string,
    input: ExtendFoiaDeadlineInput,
    ctx: CallContext,
  ): Promise<{ version: number }> {
    const version = await this.run(requestId, ctx, 'ExtendFoiaDeadline', (state) => ({
      type: 'ExtendFoiaDeadline',
      requestId,
      now: ctx.now.toISOString(),
      days:
        input.days ?? (state.status === 'none' ? 0 : clockRuleFor(state.request.jurisdiction).extension.days),
      circumstance: input.circumstance,
    }));
    return { version };
  }

  async toll(requestId: string, input: TollFoiaClockInput, ctx: CallContext): Promise<{ version: number }> {
    const version = await this.run(requestId, ctx, 'TollFoiaClock', () => ({
      type: 'TollFoiaClock',
      requestId,
      now: ctx.now.toISOString(),
      reason: input.reason,
    }));
    return { version };
  }

  async resume(requestId: string, ctx: CallContext): Promise<{ version: number }> {
    const version = await this.run(requestId, ctx, 'ResumeFoiaClock', () => ({
      type: 'ResumeFoiaClock',
      requestId,
      now: ctx.now.toISOString(),
    }));
    return { version };
  }

  async receive(
    input: ReceiveFoiaRequestInput,
    ctx: CallContext,
  ): Promise<{ requestId: string; version: number }> {
    const requestId = ctx.idempotencyKey
      ? uuidV5(`foia:${ctx.actor.id}:${ctx.idempotencyKey}`, NAMESPACE_LSE)
      : randomUUID();
    const version = await this.run(requestId, ctx, 'ReceiveFoiaRequest', () => ({
      type: 'ReceiveFoiaRequest',
      requestId,
      now: ctx.now.toISOString(),
      request: input,
    }));
    return { requestId, version };
  }

  /** The package for the request's cases as of `cutoff`, with the overrides recorded so far. */
  async compilePackage(requestId: string, cutoff: string, state?: FoiaState): Promise<CompiledPackage> {
    state ??= (await this.load(requestId)).state;
    if (state.status === 'none') throw new FoiaRequestNotFoundError(requestId);
    const cases = [];
    for (const caseId of state.request.caseIds) {
      const events = await caseEventsAsOf(this.store, caseId, cutoff);
      const own = events.filter((e) => !AUDIT_OWN_CATEGORIES.has(categoryOf(e.streamId)));
      const evidenceContent = await evidenceContentOf(own, this.evidence);
      cases.push({ caseId, openAtCutoff: foldCase(caseId, cutoff, own).open, records: own, evidenceContent });
    }
    // Agreements, referral statistics, disclosure ledgers the request names (records/).
    const records = await gatherNamedRecords(this.store, state.request.records, cutoff);
    const pkg = buildFoiaPackage({
      requestId,
      jurisdiction: state.request.jurisdiction,
      cutoff,
      cases,
      overrides: state.overrides,
      ...(records ? { records } : {}),
    });
    const html = renderPackageHtml(pkg);
    // Only for a case left empty by the cut-off: when its first record was made.
    const firstRecordedAt: Record<string, string> = {};
    for (const c of pkg.cases.filter((c) => c.records.length === 0)) {
      const page = await this.store.readCase(c.caseId, { fromPosition: 0, limit: 20 });
      const first = page.events.find((e) => !AUDIT_OWN_CATEGORIES.has(categoryOf(e.streamId)));
      if (first) firstRecordedAt[c.caseId] = new Date(first.recordedAt).toISOString();
    }
    return {
      package: pkg,
      sha256: packageDigest(pkg),
      html,
      htmlSha256: sha256Hex(html),
      warnings: packageWarnings(pkg, firstRecordedAt),
      erased: cases.some((c) => c.records.some((r: OpenedEvent) => (r.erasedPaths?.length ?? 0) > 0)),
    };
  }

  async compile(
    requestId: string,
    cutoff: string,
    ctx: CallContext,
  ): Promise<CompiledPackage & { version: number }> {
    const { state } = await this.load(requestId);
    const compiled = await this.compilePackage(requestId, cutoff, state);
    const version = await this.run(requestId, ctx, 'RecordCompilation', () => ({
      type: 'RecordCompilation',
      requestId,
      now: ctx.now.toISOString(),
      compilation: {
        cutoff: compiled.package.cutoff,
        packageSha256: compiled.sha256,
        records: compiled.package.summary.records,
        redactions: compiled.package.summary.withheld,
      },
      // Recorded as RedactionApplied unless this set (cut-off, digest) is on record already.
      redactionLog: compiled.package.redactionLog,
    }));
    return { ...compiled, version };
  }

  async override(
    requestId: string,
    input: OverrideRedactionInput,
    ctx: CallContext,
  ): Promise<{ version: number }> {
    const version = await this.run(requestId, ctx, 'OverrideRedaction', async (state) => {
      const open = state.status !== 'none' && state.request.caseIds.includes(input.caseId);
      let withheld = false;
      if (open) {
        const events = await caseEventsAsOf(this.store, input.caseId);
        const event = events.find((e) => e.eventId === input.eventId);
        if (!event || AUDIT_OWN_CATEGORIES.has(categoryOf(event.streamId)))
          throw new ValidationError('The event is not a record of that case.', {
            reason: 'event_not_in_case',
          });
        // Open or not, the field is classified: an override applies to any later compilation.
        withheld = await withholdsAt({
          event,
          path: input.path,
          jurisdiction: (state as { request: { jurisdiction: string } }).request.jurisdiction,
          caseRecords: events.filter((e) => !AUDIT_OWN_CATEGORIES.has(categoryOf(e.streamId))),
          evidence: this.evidence,
        });
      }
      return { type: 'OverrideRedaction', requestId, now: ctx.now.toISOString(), override: input, withheld };
    });
    return { version };
  }

  /** A release: `final: false` for an installment, which keeps the request open. */
  async release(
    requestId: string,
    cutoff: string,
    ctx: CallContext,
    final = true,
  ): Promise<CompiledPackage & { version: number }> {
    const { state } = await this.load(requestId);
    const compiled = await this.compilePackage(requestId, cutoff, state);
    const append = () =>
      this.run(requestId, ctx, 'ReleaseResponse', () => ({
        type: 'ReleaseResponse',
        requestId,
        now: ctx.now.toISOString(),
        cutoff: compiled.package.cutoff,
        packageSha256: compiled.sha256,
        htmlSha256: compiled.htmlSha256,
        records: compiled.package.summary.records,
        redactions: compiled.package.summary.withheld,
        redactionLog: compiled.package.redactionLog,
        final,
      }));
    // Kept as released, written before the release is appended (ReleasedCopies.keeping: a crash).
    const caseIds = state.status === 'none' ? [] : state.request.caseIds;
    const version = this.copies
      ? await this.copies.keeping(releasedBytes(requestId, caseIds, compiled), append)
      : await append();
    return { ...compiled, version };
  }

  /** The final release's package as the download serves it (released-package.ts). */
  released(requestId: string): Promise<ServedPackage> {
    return servedPackage(this, this.store, this.copies, requestId);
  }

  /**
   * The shared command path (load, fold, decide, append at the version decided on; a retry of the
   * same command answers as the first run). The command id derives from the Idempotency-Key when
   * there is one, so a retry that reaches audit again appends nothing. Also the lifecycle's steps
   * (foia-lifecycle-desk.ts).
   */
  async run(
    requestId: string,
    ctx: CallContext,
    kind: FoiaCommand['type'],
    build: (state: FoiaState) => FoiaCommand | Promise<FoiaCommand>,
  ): Promise<number> {
    const outcome = await this.commands.run(
      foiaDecider,
      {
        streamId: foiaStreamId(requestId),
        commandId: commandIdFor(`audit.foia.${kind}`, requestId, ctx.actor.id, ctx.idempotencyKey),
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        now: ctx.now.toISOString(),
        ...(ctx.expectedVersion !== undefined ? { expectedVersion: ctx.expectedVersion } : {}),
      },
      build,
    );
    return outcome.version;
  }
}
