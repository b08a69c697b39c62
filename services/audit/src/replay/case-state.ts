import { categoryOf, eventRegistry } from '@lse/contracts';
import { ChainWalker, type BrokenLink, type EventStore, type RecordedEvent } from '@lse/event-store';
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

/** Every event of a case recorded at or before `asOf`, in global order, paged. */
export async function caseEventsAsOf(
  store: EventStore,
  caseId: string,
  asOf?: string,
): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  const until = asOf === undefined ? Infinity : Date.parse(asOf);
  let from = 0;
  for (;;) {
    const page = await store.readCase(caseId, { fromPosition: from, limit: 10_000 });
    for (const e of page.events) if (Date.parse(e.recordedAt) <= until) out.push(e);
    if (page.nextPosition === null) return out;
    from = page.nextPosition;
  }
}

/**
 * Folds recorded events per stream with their category's replayer (the owning decider's evolve),
 * checking each stream's hash chain on the way. Data is upcast, not re-validated: it was
 * validated when appended, and the chain proves it is what was appended.
 */
export function foldCase(caseId: string, asOf: string, events: readonly RecordedEvent[]): CaseStateAsOf {
  const streams = new Map<string, StreamState & { walker: ChainWalker }>();
  let broken: BrokenLink | undefined;
  for (const e of events) {
    let s = streams.get(e.streamId);
    if (!s) {
      const category = categoryOf(e.streamId);
      const r = REPLAYERS.get(category);
      if (!r) throw new NoReplayerError(category);
      s = {
        streamId: e.streamId,
        category,
        version: 0,
        state: r.initialState,
        walker: new ChainWalker(e.streamId),
      };
      streams.set(e.streamId, s);
    }
    broken ??= s.walker.step(e);
    const data = eventRegistry.require(e.type).upcast(e.schemaVersion, e.data);
    s.state = REPLAYERS.get(s.category)!.evolve(s.state, { type: e.type, data });
    s.version = e.streamVersion;
  }
  const list = [...streams.values()].map(({ walker: _w, ...s }) => s);
  // The latest stage present decides: an opened complaint handed on to an open investigation is open.
  const latest = list
    .filter((s) => REPLAYERS.get(s.category)!.stage !== undefined)
    .sort((a, b) => REPLAYERS.get(b.category)!.stage! - REPLAYERS.get(a.category)!.stage!)[0];
  const open = !(latest && (REPLAYERS.get(latest.category)!.closesCase?.(latest.state) ?? false));
  return {
    caseId,
    asOf,
    open,
    streams: list,
    events: events.length,
    chain: broken ? { ok: false, firstBroken: broken } : { ok: true },
  };
}

/** The case as the services knew it at `asOf` (now when absent), recomputed from its events. */
export async function caseStateAsOf(store: EventStore, caseId: string, asOf: string): Promise<CaseStateAsOf> {
  return foldCase(caseId, new Date(asOf).toISOString(), await caseEventsAsOf(store, caseId, asOf));
}
