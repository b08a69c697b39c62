import { createHash } from 'node:crypto';
import type { BackWagesComputed, HoursAndWagesRecorded } from '@lse/contracts';
import type { IsoDate, WorkweekStart } from '@lse/domain';
import { DomainError } from '@lse/service-kit';
import {
  BackWageInputError,
  computeBackWages,
  ROUNDING_RULE,
  type BackWageResult,
  type Figures,
  type RuleSet,
  type RuleSetCatalog,
} from '@lse/wage-rules';

export interface ComputationRequest {
  computationId: string;
  /** The rule-set versions to compute under (from the catalog). */
  ruleSets: RuleSet[];
  /** The computation this one re-runs under newer rule-set versions, if any. */
  rerunOf?: string;
  filingDate: IsoDate;
  willful: boolean;
  /** The employer's workweek start day, when the investigator states it (checked per week). */
  workweekStart?: WorkweekStart;
  recordSets: HoursAndWagesRecorded[];
}

/** The trace of every workweek: what `GET .../back-wages/{computationId}/trace` answers. */
export interface BackWageTrace {
  computationId: string;
  rounding: string;
  ruleSets: { id: string; version: string }[];
  workers: Array<{
    workerId: string;
    weeks: Array<{
      weekStart: string;
      ruleSetId: string;
      ruleSetVersion: string;
      regularRate: string;
      hoursWorked: number;
      trace: unknown[];
    }>;
    excluded: Array<{ weekStart: string; accrued: string; reason: string }>;
  }>;
}

/** A rule-set reference the catalog does not know, as the 400 the caller can act on. */
function unknownRuleSet(err: unknown, path: string, catalog: RuleSetCatalog): never {
  if (err instanceof BackWageInputError && err.problem === 'unknown_rule_set')
    throw new DomainError('validation', err.message, {
      errors: [{ path, message: `unknown_rule_set: expected one of: ${catalog.ids().join(', ')}` }],
    });
  throw err;
}

/** Each named rule set's version in force on `on` (the day of the computation). */
export function ruleSetsInForce(catalog: RuleSetCatalog, ids: string[], on: IsoDate): RuleSet[] {
  return ids.map((id, i) => {
    try {
      return catalog.inForce(id, on).ruleSet;
    } catch (err) {
      return unknownRuleSet(err, `ruleSetIds[${i}]`, catalog);
    }
  });
}

/** Exactly the versions named (those a computation recorded, or a re-run asks for). */
export function ruleSetVersions(
  catalog: RuleSetCatalog,
  refs: { id: string; version: string }[],
  field = 'ruleSetVersions',
): RuleSet[] {
  return refs.map((r, i) => {
    try {
      return catalog.get(r.id, r.version).ruleSet;
    } catch (err) {
      return unknownRuleSet(err, `${field}[${i}]`, catalog);
    }
  });
}

function run(request: ComputationRequest, ruleSets: RuleSet[]): BackWageResult {
  // Later uploads of the same worker and workweek replace earlier ones (a corrected payroll).
  const records = new Map<string, HoursAndWagesRecorded['records'][number]>();
  const workers = new Set<string>();
  for (const set of request.recordSets) {
    for (const w of set.workers) workers.add(w.workerId);
    for (const r of set.records) records.set(`${r.workerId}/${r.weekStart}`, r);
  }
  try {
    return computeBackWages(
      {
        ruleSets,
        filingDate: request.filingDate,
        willful: request.willful,
        ...(request.workweekStart ? { workweekStart: request.workweekStart } : {}),
        workers: [...workers].map((id) => ({ id })),
        records: [...records.values()].map((r) => ({
          workerId: r.workerId,
          weekStart: r.weekStart,
          hours: r.hours,
          pay: r.pay,
          ...(r.payday ? { payday: r.payday } : {}),
        })),
      },
      { trace: 'eager' },
    );
  } catch (err) {
    if (err instanceof BackWageInputError) throw inputProblem(err);
    const e = err as { code?: string; message?: string };
    if (e.code === 'validation')
      throw new DomainError('unprocessable', e.message ?? 'The records cannot be computed.');
    throw err;
  }
}

/**
 * A named input problem as a 422 that names the rule and the field or workweek: never the worker
 * (a worker id is personal data and stays out of error messages).
 */
function inputProblem(err: BackWageInputError): DomainError {
  const d = err.details ?? {};
  const week = typeof d.weekStart === 'string' ? d.weekStart : undefined;
  const messages: Record<BackWageInputError['problem'], string> = {
    malformed_filing_date: 'The filing date is not a calendar date YYYY-MM-DD.',
    overlapping_workweeks: `Two workweeks of one worker overlap: ${week} and ${String(d.overlaps)} share days (29 CFR 778.105).`,
    workweek_start_mismatch: `The workweek of ${week} does not start on the employer's workweek start day, ${String(d.workweekStart)} (29 CFR 778.105).`,
    unknown_rule_set: 'A rule set named is not known.',
    malformed_rule_set: 'A rule set is malformed.',
  };
  const field =
    typeof d.field === 'string'
      ? d.field
      : err.problem === 'workweek_start_mismatch'
        ? 'workweekStart'
        : 'records';
  return new DomainError('unprocessable', messages[err.problem], {
    problem: err.problem,
    // The gateway's problem+json carries `errors`: the problem's name leads the message.
    errors: [{ path: field, message: `${err.problem}: ${messages[err.problem]}` }],
    ...(week ? { weekStart: week } : {}),
    ...(typeof d.overlaps === 'string' ? { overlaps: d.overlaps } : {}),
  });
}

export function traceOf(computationId: string, result: BackWageResult): BackWageTrace {
  return {
    computationId,
    rounding: result.rounding,
    ruleSets: result.ruleSets,
    workers: result.workers.map((w) => ({
      workerId: w.workerId,
      weeks: w.weeks.map((week) => ({
        weekStart: week.weekStart,
        ruleSetId: week.ruleSetId,
        ruleSetVersion: week.ruleSetVersion,
        regularRate: week.regularRate,
        hoursWorked: week.hoursWorked,
        trace: week.trace,
      })),
      excluded: w.excluded.map((e) => ({ weekStart: e.weekStart, accrued: e.accrued, reason: e.reason })),
    })),
  };
}

export const digestOf = (trace: BackWageTrace) =>
  createHash('sha256').update(JSON.stringify(trace)).digest('hex');

const amounts = (f: Figures) => ({
  minimumWageCents: f.minimumWageShortfall,
  overtimeCents: f.overtimeDue,
  unpaidWagesCents: f.unpaidWages,
  liquidatedDamagesCents: f.liquidatedDamages,
  totalCents: f.total,
});

/** Runs `@lse/wage-rules` over the record sets; the event's figures and the trace's digest. */
export function computeForInvestigation(request: ComputationRequest): {
  event: BackWagesComputed;
  trace: BackWageTrace;
} {
  const result = run(request, request.ruleSets);
  const trace = traceOf(request.computationId, result);
  return {
    trace,
    event: {
      computationId: request.computationId,
      ...(request.rerunOf ? { rerunOf: request.rerunOf } : {}),
      ruleSets: result.ruleSets,
      recordSetIds: request.recordSets.map((s) => s.recordSetId),
      filingDate: request.filingDate,
      willful: request.willful,
      excludedWorkweeks: result.excluded.length,
      workers: result.workers.map((w) => ({
        workerId: w.workerId,
        ...amounts(w.totals),
        weeks: w.weeks.map((week) => ({
          weekStart: week.weekStart,
          ruleSetId: week.ruleSetId,
          ...amounts(week),
        })),
      })),
      totals: amounts(result.totals),
      traceSha256: digestOf(trace),
    },
  };
}

/**
 * The trace of a recorded computation, recomputed from the same records under the very rule-set
 * versions it recorded (every version stays in the catalog, so a newer one changes nothing here).
 */
export function retrace(
  computed: BackWagesComputed,
  recordSets: HoursAndWagesRecorded[],
  catalog: RuleSetCatalog,
): BackWageTrace & { verified: boolean } {
  const ruleSets = ruleSetVersions(catalog, computed.ruleSets, 'ruleSets');
  const result = run(
    {
      computationId: computed.computationId,
      ruleSets,
      filingDate: computed.filingDate,
      willful: computed.willful,
      recordSets,
    },
    ruleSets,
  );
  const trace = traceOf(computed.computationId, result);
  return { ...trace, verified: digestOf(trace) === computed.traceSha256 };
}

export { ROUNDING_RULE };
