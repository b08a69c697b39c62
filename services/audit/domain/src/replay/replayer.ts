/**
 * How audit replays one stream category: the owning decider's initial state and evolve. Audit
 * recomputes a case's state as of any instant by folding the events recorded up to it.
 */
export interface Replayer<
  S = unknown,
  E extends { type: string; data: unknown } = { type: string; data: unknown },
> {
  category: string;
  /** The package whose decider this is, for reports (`@lse/intake-domain`). */
  source: string;
  initialState: S;
  evolve(state: S, event: E): S;
  /**
   * Where the category sits in a case's life (complaint 1, investigation 2, collection 3): the
   * case is open unless its latest stage present says it is closed. Categories beside the case
   * (referrals, audit's own) have none.
   */
  stage?: number;
  /** True when this stage's state ends the case. */
  closesCase?(state: S): boolean;
}

/** Type-erased, for registries keyed by category. */
export type AnyReplayer = Replayer<unknown, { type: string; data: unknown }>;

export function replayer<S, E extends { type: string; data: unknown }>(r: Replayer<S, E>): AnyReplayer {
  return r;
}
