import { categoryOf, eventRegistry } from '@lse/contracts';
import type { BrokenLink, EventStore, RecordedEvent } from '@lse/event-store';
import { REPLAYERS } from './replayers';

export interface StreamState {
  streamId: string;
  category: string;
  /** The stream's version as of the instant: how many of its events were folded. */
  version: number;
  state: unknown;
}

export interface CaseStateAsOf {
  caseId: string;
  asOf: string;
  /** False when the case's latest stage has ended it (declined, investigation or collection closed...). */
  open: boolean;
  streams: StreamState[];
  events: number;
  /** The hash chain of every folded event was checked; the first broken link, if any. */
  chain: { ok: true } | { ok: false; firstBroken: BrokenLink };
}

export class NoReplayerError extends Error {
  constructor(readonly category: string) {
    super(`no replayer for stream category '${category}'`);
    this.name = 'NoReplayerError';
  }
}

/** Every event of a case recorded at or before `asOf` (all when absent), in global order, paged. */
export async function caseEventsAsOf(
  store: EventStore,
  caseId: string,
  asOf?: string,
): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  let from = 0;
  for (;;) {
    const page = await store.readCase(caseId, { fromPosition: from, limit: 10_000, asOf });
    for (const e of page.events) out.push(e);
    if (page.nextPosition === null) return out;
    from = page.nextPosition;
  }
}

/**
 * Folds recorded events per stream with their category's replayer (the owning decider's evolve),
 * one event at a time, so that a long case need not be held in memory. Data is upcast, not
 * re-validated: it was validated when appended, and the hash chain (checked by `caseStateAsOf`)
 * proves it is what was appended.
 */
export class CaseFold {
  private readonly streams = new Map<string, StreamState>();
  private count = 0;

  add(e: RecordedEvent): void {
    let s = this.streams.get(e.streamId);
    if (!s) {
      const category = categoryOf(e.streamId);
      const r = REPLAYERS.get(category);
      if (!r) throw new NoReplayerError(category);
      s = { streamId: e.streamId, category, version: 0, state: r.initialState };
      this.streams.set(e.streamId, s);
    }
    const data = eventRegistry.require(e.type).upcast(e.schemaVersion, e.data);
    s.state = REPLAYERS.get(s.category)!.evolve(s.state, { type: e.type, data });
    s.version = e.streamVersion;
    this.count++;
  }

  result(caseId: string, asOf: string): Omit<CaseStateAsOf, 'chain'> {
    const list = [...this.streams.values()];
    // The latest stage present decides: an opened complaint handed on to an open investigation is open.
    const latest = list
      .filter((s) => REPLAYERS.get(s.category)!.stage !== undefined)
      .sort((a, b) => REPLAYERS.get(b.category)!.stage! - REPLAYERS.get(a.category)!.stage!)[0];
    const open = !(latest && (REPLAYERS.get(latest.category)!.closesCase?.(latest.state) ?? false));
    return { caseId, asOf, open, streams: list, events: this.count };
  }
}

export function foldCase(
  caseId: string,
  asOf: string,
  events: readonly RecordedEvent[],
): Omit<CaseStateAsOf, 'chain'> {
  const fold = new CaseFold();
  for (const e of events) fold.add(e);
  return fold.result(caseId, asOf);
}

/** Events per read while replaying: small pages die young (cheap garbage), the next is prefetched. */
const REPLAY_PAGE = 2_000;

/**
 * The case as the services knew it at `asOf`, recomputed from its events, with the hash chain of
 * everything recorded by then checked by the store (in PostgreSQL, while the events are folded).
 */
export async function caseStateAsOf(store: EventStore, caseId: string, asOf: string): Promise<CaseStateAsOf> {
  const at = new Date(asOf).toISOString();
  const verifying = settled(store.verifyCase(caseId, at));
  const fold = new CaseFold();
  let next = settled(store.readCase(caseId, { limit: REPLAY_PAGE, asOf: at }));
  for (;;) {
    const page = await next;
    if (page.nextPosition !== null)
      next = settled(
        store.readCase(caseId, { fromPosition: page.nextPosition, limit: REPLAY_PAGE, asOf: at }),
      );
    for (const e of page.events) fold.add(e);
    if (page.nextPosition === null) break;
  }
  const broken: BrokenLink | undefined = (await verifying).firstBroken;
  return { ...fold.result(caseId, at), chain: broken ? { ok: false, firstBroken: broken } : { ok: true } };
}

/** A promise started ahead of its await: if the fold fails first, its rejection is not left unhandled. */
function settled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}
