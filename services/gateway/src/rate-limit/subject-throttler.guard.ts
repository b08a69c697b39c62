import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { PUBLIC_ROUTE } from '@lse/service-kit';

/**
 * Rate limits per token subject (per client address before authentication). Runs after the
 * AuthGuard; health and metrics are never throttled. Counters are per gateway instance.
 */
@Injectable()
export class SubjectThrottlerGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(
      this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]) ??
        false,
    );
  }

  /** The plain key (class, handler, throttler, tracker): it only names an in-memory counter. */
  protected override generateKey(context: ExecutionContext, suffix: string, name: string): string {
    return `${context.getClass().name}-${context.getHandler().name}-${name}-${suffix}`;
  }

  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const user = req.user as { id?: string } | undefined;
    return Promise.resolve(user?.id ? `sub:${user.id}` : `ip:${String(req.ip)}`);
  }
}
