import type { FoiaLifecycleCommand } from '@lse/audit-domain';
import type { CallContext, FoiaDesk } from './foia-desk';

type WithoutIds<T> = T extends unknown ? Omit<T, 'requestId' | 'now'> : never;
/** A lifecycle step as a handler builds it: the request and the time come from the call. */
export type FoiaLifecycleStep = WithoutIds<FoiaLifecycleCommand>;

/**
 * The steps of a request's life after receipt (acknowledgment, clarification, fees, the final
 * responses other than a release, the appeal): each a command on the request's stream through the
 * desk's shared command path, with the time of the call and If-Match's expected version.
 */
export class FoiaLifecycleDesk {
  constructor(private readonly desk: FoiaDesk) {}

  async act(requestId: string, step: FoiaLifecycleStep, ctx: CallContext): Promise<{ version: number }> {
    const version = await this.desk.run(requestId, ctx, step.type, () => ({
      ...step,
      requestId,
      now: ctx.now.toISOString(),
    }));
    return { version };
  }
}
