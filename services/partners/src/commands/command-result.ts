import type { Decider, IsoDate } from '@lse/domain';
import { inForceOn, needsPointPeople, type AgreementState, type PartnerState } from '@lse/partners-domain';
import type { TypedEvent } from '@lse/contracts';
import type { CommandContext, StreamCommands } from '@lse/service-kit';

/** Partners' result builders. What a partners command hands its reply: the stream's own id (partner, agreement, referral, outreach) and the event types. */
export interface PartnersOutcome<S> {
  id: string;
  version: number;
  state: S;
  events: string[];
  replayed: boolean;
}

/** Runs a command on a partners stream (StreamCommands) and names what it did. */
export async function runCommand<C, E extends TypedEvent, S>(
  commands: StreamCommands,
  decider: Decider<C, E, S>,
  ctx: CommandContext,
  build: (state: S) => C | Promise<C>,
): Promise<PartnersOutcome<S>> {
  const { version, state, events, replayed } = await commands.run(decider, ctx, build);
  return {
    id: ctx.streamId.slice(ctx.streamId.indexOf('-') + 1),
    version,
    state,
    events: events.map((e) => e.type),
    replayed,
  };
}

/** A partner as a command or a read answers it. */
export function partnerView({ id, version, state }: { id: string; version: number; state: PartnerState }) {
  if (state.status === 'none') return { id, version, status: 'none' };
  return {
    id,
    version,
    status: state.status,
    ...state.partner,
    contacts: state.contacts,
    needsPointPeople: needsPointPeople(state.contacts),
    meetings: state.meetings,
  };
}

/** An agreement as a command or a read answers it: in force or not on `today`. */
export function agreementView(
  today: IsoDate,
  { id, version, state }: { id: string; version: number; state: AgreementState },
) {
  if (state.status === 'none') return { id, version, status: 'none' };
  return {
    id,
    version,
    status: state.status,
    signedOn: state.signedOn,
    inForce: inForceOn(state, today),
    ...state.terms,
  };
}
