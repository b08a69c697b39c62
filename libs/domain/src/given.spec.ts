import { given } from './given';
import { replay, type Decider } from './decider';
import { ForbiddenError, InvalidTransitionError, ValidationError } from './errors';

// A tiny counter, enough to exercise the helper; each refusal names its rule.
class IntruderError extends ForbiddenError {
  constructor() {
    super('not allowed', { reason: 'intruder' });
  }
}
type Command = { type: 'Increment'; by: number; actor: string } | { type: 'Reset'; actor: string };
type Event = { type: 'Incremented'; by: number } | { type: 'WasReset' };
type State = { status: 'empty' } | { status: 'counting'; value: number };

const counter: Decider<Command, Event, State> = {
  initialState: { status: 'empty' },
  decide(command, state) {
    if (command.actor === 'intruder') throw new IntruderError();
    switch (command.type) {
      case 'Increment':
        if (command.by <= 0) throw new ValidationError('by must be positive', { reason: 'not_positive' });
        return [{ type: 'Incremented', by: command.by }];
      case 'Reset':
        if (state.status === 'empty')
          throw new InvalidTransitionError('nothing to reset', { reason: 'nothing_to_reset' });
        return [{ type: 'WasReset' }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'Incremented':
        return { status: 'counting', value: (state.status === 'counting' ? state.value : 0) + event.by };
      case 'WasReset':
        return { status: 'empty' };
    }
  },
};

describe('given/when/then', () => {
  it('passes when the events match', () =>
    given(counter, [])
      .when({ type: 'Increment', by: 2, actor: 'a' })
      .then([{ type: 'Incremented', by: 2 }]));

  it('passes when the refusal has the reason named', () =>
    given(counter).when({ type: 'Reset', actor: 'a' }).thenThrows('nothing_to_reset'));

  it('passes when the refusal is of the error class named', () =>
    given(counter).when({ type: 'Reset', actor: 'intruder' }).thenThrows(IntruderError));

  it('folds past events into state', () => {
    given(counter, [
      { type: 'Incremented', by: 2 },
      { type: 'Incremented', by: 3 },
    ]).thenState({ status: 'counting', value: 5 });
    given(counter, [{ type: 'Incremented', by: 1 }])
      .when({ type: 'Reset', actor: 'a' })
      .then([{ type: 'WasReset' }]);
    expect(replay(counter, [{ type: 'Incremented', by: 1 }], { status: 'counting', value: 10 })).toEqual({
      status: 'counting',
      value: 11,
    });
  });

  describe('fails when it should', () => {
    it('on different events', () => {
      expect(() =>
        given(counter)
          .when({ type: 'Increment', by: 2, actor: 'a' })
          .then([{ type: 'Incremented', by: 3 }]),
      ).toThrow();
      expect(() => given(counter).when({ type: 'Increment', by: 2, actor: 'a' }).then([])).toThrow();
    });

    it('on a refusal where events were expected', () => {
      expect(() =>
        given(counter)
          .when({ type: 'Reset', actor: 'a' })
          .then([{ type: 'WasReset' }]),
      ).toThrow(InvalidTransitionError);
    });

    it('on no refusal', () => {
      const increment = { type: 'Increment', by: 1, actor: 'a' } as const;
      expect(() => given(counter).when(increment).thenThrows('not_positive')).toThrow(
        /expected the command to be refused/,
      );
    });

    it('on a refusal for another reason', () => {
      expect(() => given(counter).when({ type: 'Reset', actor: 'a' }).thenThrows('intruder')).toThrow(
        /expected a refusal for 'intruder', got InvalidTransitionError \(invalid_transition, reason "nothing_to_reset"\)/,
      );
    });

    it('on a refusal of another class', () => {
      expect(() => given(counter).when({ type: 'Reset', actor: 'a' }).thenThrows(IntruderError)).toThrow(
        /expected a refusal by IntruderError/,
      );
    });

    it('when given a code, which names no rule', () => {
      expect(() =>
        given(counter).when({ type: 'Reset', actor: 'a' }).thenThrows('invalid_transition'),
      ).toThrow(/is a code/);
    });

    it('when given a base class, which names no rule', () => {
      expect(() =>
        given(counter).when({ type: 'Reset', actor: 'a' }).thenThrows(InvalidTransitionError),
      ).toThrow(/a base class names no rule/);
    });

    it('on a non-domain error when a reason is expected', () => {
      const broken: Decider<Command, Event, State> = {
        ...counter,
        decide: () => {
          throw new TypeError('bug');
        },
      };
      expect(() => given(broken).when({ type: 'Reset', actor: 'a' }).thenThrows('nothing_to_reset')).toThrow(
        /got TypeError: bug/,
      );
    });

    it('when evolve cannot take the produced events', () => {
      const strict: Decider<Command, Event, State> = {
        ...counter,
        evolve: () => {
          throw new Error('evolve rejected');
        },
      };
      expect(() =>
        given(strict)
          .when({ type: 'Increment', by: 1, actor: 'a' })
          .then([{ type: 'Incremented', by: 1 }]),
      ).toThrow('evolve rejected');
    });

    it('on the wrong state', () => {
      expect(() => given(counter, [{ type: 'Incremented', by: 1 }]).thenState({ status: 'empty' })).toThrow();
    });

    it('when awaited by mistake (not a thenable)', () => {
      const step = given(counter).when({ type: 'Reset', actor: 'a' }) as unknown as {
        then(resolve: () => void): void;
      };
      expect(() => step.then(() => undefined)).toThrow(/do not await/);
    });
  });
});
