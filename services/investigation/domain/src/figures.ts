import type { BackWageFiguresContinued, BackWagesComputed, InvestigationEvent } from '@lse/contracts';

/**
 * JSON bytes of workers' figures one event carries at most. Every event must stay relayable as
 * one NATS message (the store refuses more than 1,000,000 bytes of data and metadata), and the
 * rest of the event (rule sets, record-set ids, totals, metadata) needs room too.
 */
export const FIGURE_BYTES_PER_EVENT = 800_000;

const utf8 = new TextEncoder();
const bytesOf = (value: unknown) => utf8.encode(JSON.stringify(value)).length;

type Worker = BackWagesComputed['workers'][number];

/**
 * The events recording one computation: `BackWagesComputed` with the first workers' figures and,
 * when they do not all fit, `BackWageFiguresContinued` with the rest, in order. A worker's weeks
 * are never split; a worker too large for an event alone gets one to itself (and the store refuses
 * it if it is over the limit, writing nothing).
 */
export function figureEvents(
  computation: BackWagesComputed,
  budget = FIGURE_BYTES_PER_EVENT,
): Array<Extract<InvestigationEvent, { type: 'BackWagesComputed' | 'BackWageFiguresContinued' }>> {
  const { figureEvents: _recount, ...header } = computation;
  const chunks: Worker[][] = [[]];
  let used = 0;
  for (const worker of computation.workers) {
    const size = bytesOf(worker) + 1;
    const current = chunks[chunks.length - 1];
    if (current.length > 0 && used + size > budget) {
      chunks.push([worker]);
      used = size;
    } else {
      current.push(worker);
      used += size;
    }
  }
  if (chunks.length === 1) return [{ type: 'BackWagesComputed', data: { ...header } }];
  return [
    { type: 'BackWagesComputed', data: { ...header, workers: chunks[0], figureEvents: chunks.length } },
    ...chunks.slice(1).map((workers, i) => ({
      type: 'BackWageFiguresContinued' as const,
      data: { computationId: computation.computationId, part: i + 2, workers },
    })),
  ];
}

/**
 * The computation with a continuation's workers added. Continuations are appended with their
 * `BackWagesComputed`, in part order, so they arrive in that order; one the header does not
 * announce is ignored.
 */
export function continued(
  computation: BackWagesComputed,
  continuation: BackWageFiguresContinued,
): BackWagesComputed {
  if (continuation.part > (computation.figureEvents ?? 1)) return computation;
  return { ...computation, workers: [...computation.workers, ...continuation.workers] };
}
