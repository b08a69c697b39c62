import type { BackWagesComputed, BackWageTracePosition } from '@lse/contracts';
import { DomainError } from '@lse/service-kit';
import type { BackWageTrace } from './compute';

/**
 * A page's JSON stays under this many bytes (plus one workweek): a reply travels as one NATS
 * message, at most 1 MiB, and a workweek's trace takes about 2 kB (more with several rule sets).
 */
export const TRACE_PAGE_BYTES = 512 * 1024;
/** Workweeks per page when the caller names no limit. */
export const DEFAULT_TRACE_PAGE_WEEKS = 50;

type TraceWorker = BackWageTrace['workers'][number];

export interface TracePage {
  computationId: string;
  rounding: string;
  ruleSets: BackWageTrace['ruleSets'];
  totals: BackWagesComputed['totals'];
  /** Each worker on the page with the figures the trace explains; a worker may continue on the next page. */
  workers: Array<TraceWorker & { figures: BackWagesComputed['workers'][number] | null }>;
  /** Where the next page starts; null on the last page. */
  next: BackWageTracePosition | null;
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * One page of a trace, in the trace's order (workers, then their workweeks), from `after` on: at
 * most `limit` workweeks and about TRACE_PAGE_BYTES. A worker's excluded weeks come with its
 * first workweek's page. Every page holds at least one workweek or worker, so paging ends.
 */
export function tracePage(
  trace: BackWageTrace,
  computed: BackWagesComputed,
  after: BackWageTracePosition | undefined,
  limit: number,
  maxBytes = TRACE_PAGE_BYTES,
): TracePage {
  let w = after?.worker ?? 0;
  let k = after?.week ?? 0;
  const startWorker = trace.workers[w] as TraceWorker | undefined;
  if (w > trace.workers.length || (startWorker && k > startWorker.weeks.length) || (!startWorker && k > 0))
    throw new DomainError('validation', 'The cursor does not belong to this trace.', {
      errors: [{ path: 'cursor', message: 'not a position of this trace' }],
    });
  const figures = new Map(computed.workers.map((f) => [f.workerId, f]));
  const workers: TracePage['workers'] = [];
  let weeks = 0;
  let bytes = 0;
  const page = (next: BackWageTracePosition | null): TracePage => ({
    computationId: trace.computationId,
    rounding: trace.rounding,
    ruleSets: trace.ruleSets,
    totals: computed.totals,
    workers,
    next,
  });
  for (; w < trace.workers.length; w++, k = 0) {
    const worker = trace.workers[w];
    const entry = {
      workerId: worker.workerId,
      figures: figures.get(worker.workerId) ?? null,
      weeks: [] as TraceWorker['weeks'],
      excluded: k === 0 ? worker.excluded : [],
    };
    const base = bytesOf(entry);
    if (workers.length > 0 && (weeks >= limit || bytes + base > maxBytes))
      return page({ worker: w, week: k });
    workers.push(entry);
    bytes += base;
    for (; k < worker.weeks.length; k++) {
      const week = worker.weeks[k];
      const size = bytesOf(week) + 1;
      if (weeks >= limit || (weeks > 0 && bytes + size > maxBytes)) {
        // No workweek of this worker made it: the next page starts with it, excluded weeks and all.
        if (entry.weeks.length === 0) workers.pop();
        return page({ worker: w, week: k });
      }
      entry.weeks.push(week);
      weeks++;
      bytes += size;
    }
  }
  return page(null);
}
