import type { Decider } from '@lse/domain';
import type { TypedEvent } from '@lse/contracts';
import type { CommandContext, StreamCommands } from '@lse/service-kit';

/** What a partners command hands its reply: the stream's own id (partner, agreement, referral, outreach) and the event types. */
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
