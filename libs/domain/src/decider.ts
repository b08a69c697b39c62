/**
 * A decider (docs/architecture.md#deciders): pure functions, no I/O. Handlers load the stream, fold it
 * with `evolve`, call `decide`, and append what it returns.
 */
export interface Decider<Command, Event, State> {
  /** Returns the events the command causes; throws a `DomainError` to refuse it. */
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  /** State before any event: for a discriminated union, usually `{ status: 'none' }`. */
  readonly initialState: State;
}

/** Folds events onto a state, from the decider's initial state unless one is given. */
export function replay<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
  from: State = decider.initialState,
): State {
  return events.reduce((state, event) => decider.evolve(state, event), from);
}
