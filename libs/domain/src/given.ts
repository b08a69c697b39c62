import { replay, type Decider } from './decider';
import {
  DomainError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
} from './errors';

// For specs only: jest's `expect` is used lazily, inside the assertions, so importing
// `@lse/domain` in production code does not need jest.

type ErrorClass = abstract new (...args: never[]) => Error;

/** Codes say which HTTP status, not which rule: several rules share each. */
const CODES = new Set(['not_found', 'forbidden', 'conflict', 'invalid_transition', 'validation']);
const BASE_CLASSES: readonly ErrorClass[] = [
  DomainError,
  InvalidTransitionError,
  ValidationError,
  ForbiddenError,
  NotFoundError,
];

export interface WhenStep<Event> {
  /**
   * Asserts the command yields exactly these events (deep equality, order matters), and that
   * `evolve` accepts them. Returns nothing on purpose: this object is not a promise.
   */
  then(expected: Event[]): void;
  /**
   * Asserts the command is refused by this rule: the refusal's reason (`details.reason` of the
   * DomainError, e.g. 'records_complete') or an error class of its own (CaseAlreadyOpenedError).
   * A bare code ('invalid_transition') or a base class (ValidationError) names no rule: refused.
   */
  thenThrows(expected: string | ErrorClass): void;
}

export interface GivenStep<Command, Event, State> {
  when(command: Command): WhenStep<Event>;
  /** Asserts the state the past events fold to. */
  thenState(expected: State): void;
}

const describe = (thrown: unknown) =>
  thrown instanceof DomainError
    ? `${thrown.name} (${thrown.code}, reason ${JSON.stringify(thrown.details?.reason)}): ${thrown.message}`
    : thrown instanceof Error
      ? `${thrown.name}: ${thrown.message}`
      : JSON.stringify(thrown);

/** Throws unless `expected` names one rule. */
function requireRule(expected: string | ErrorClass): void {
  if (typeof expected === 'string' && CODES.has(expected))
    throw new Error(
      `thenThrows('${expected}'): '${expected}' is a code, shared by many rules; give the refusal's reason`,
    );
  if (typeof expected !== 'string' && BASE_CLASSES.includes(expected))
    throw new Error(
      `thenThrows(${expected.name}): a base class names no rule; give the refusal's reason or its own class`,
    );
}

/**
 * `given(decider, pastEvents).when(command).then([...events])` or `.thenThrows('reason')`.
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
          requireRule(expected);
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
            const reason = thrown instanceof DomainError ? thrown.details?.reason : undefined;
            if (reason !== expected)
              throw new Error(`expected a refusal for '${expected}', got ${describe(thrown)}`);
          } else if (!(thrown instanceof expected)) {
            throw new Error(`expected a refusal by ${expected.name}, got ${describe(thrown)}`);
          }
        },
      };
    },
  };
}
