import type { OutreachEvent, OutreachEventHeld } from '@lse/contracts';
import type { Decider } from '@lse/domain';
import { AlreadyExistsError, InvalidDateError } from '../errors';

export type OutreachCommand = {
  type: 'HoldOutreach';
  outreachId: string;
  event: OutreachEventHeld;
  today: string;
};
export type OutreachState = { status: 'none' } | { status: 'held'; event: OutreachEventHeld };

/** Outreach is recorded after it happened: one event per outreach stream. */
export const outreachDecider: Decider<OutreachCommand, OutreachEvent, OutreachState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (state.status !== 'none') throw new AlreadyExistsError('outreach event', command.outreachId);
    if (command.event.heldOn > command.today)
      throw new InvalidDateError('heldOn', 'is in the future', 'held_in_future');
    return [{ type: 'OutreachEventHeld', data: command.event }];
  },
  evolve(_state, event) {
    return { status: 'held', event: event.data };
  },
};
