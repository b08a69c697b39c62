import { replay, type Decider } from './decider';
import { DomainError } from './errors';

// For specs only: jest's `expect` is used lazily, inside the assertions, so importing
// `@lse/domain` in production code does not need jest.

type ErrorClass = abstract new (...args: never[]) => Error;

export interface WhenStep<Event> {
  /**
   * Asserts the command yields exactly these events (deep equality, order matters), and that
   * `evolve` accepts them. Returns nothing on purpose: this object is not a promise.
   */
  then(expected: Event[]): void;
  /** Asserts the command is refused with this `DomainError` code or this error class. */
  thenThrows(expected: string | ErrorClass): void;
}

export interface GivenStep<Command, Event, State> {
  when(command: Command): WhenStep<Event>;
  /** Asserts the state the past events fold to. */
  thenState(expected: State): void;
}

/**
 * `given(decider, pastEvents).when(command).then([...events])` or `.thenThrows('forbidden')`.
 * Usable directly as a jest test body: it throws on mismatch.
 */
export function given<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  pastEvents: readonly Event[] = [],
): GivenStep<Command, Event, State> {
  const state = () => replay(decider, pastEvents);
  return {
    thenState(expected) {
      expect(state()).toEqual(expected);
    },
    when(command) {
      return {
        then(expected) {
          if (typeof expected === 'function') {
            // Someone awaited or returned the `when(...)` step: it is not a thenable.
            throw new TypeError(
              'given/when: call .then([...events]) explicitly; do not await or return when(...)',
            );
          }
          const before = state();
          const actual = decider.decide(command, before);
          expect(actual).toEqual(expected);
          replay(decider, actual, before);
        },
        thenThrows(expected) {
          const before = state();
          let thrown: unknown;
          let events: Event[] | undefined;
          try {
            events = decider.decide(command, before);
          } catch (error) {
            thrown = error;
          }
          if (thrown === undefined) {
            throw new Error(`expected the command to be refused, but it produced ${JSON.stringify(events)}`);
          }
          if (typeof expected === 'string') {
            if (!(thrown instanceof DomainError)) {
              throw new Error(
                `expected a DomainError with code '${expected}', got ${thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : JSON.stringify(thrown)}`,
              );
            }
            expect(thrown.code).toBe(expected);
          } else {
            expect(thrown).toBeInstanceOf(expected);
          }
        },
      };
    },
  };
}
