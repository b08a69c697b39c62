import { BeforeApplicationShutdown, Injectable, Logger, Optional } from '@nestjs/common';
import { HealthRegistry } from '../health/health-registry';
import { withTimeout } from '../util/with-timeout';

export interface DrainableConnection {
  drain(): Promise<void>;
  isClosed(): boolean;
}

interface Registration {
  name: string;
  connection: () => DrainableConnection | undefined;
  settle?: () => Promise<unknown>;
}

export const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;

/**
 * Drains NATS connections when the application shuts down (SIGTERM with enableShutdownHooks).
 * It runs before Nest's own shutdown hooks, which merely close the connections (dropping
 * messages in flight): first `settle` (e.g. wait for outstanding requests), then drain, which
 * stops subscriptions after their pending messages and flushes what was published.
 */
@Injectable()
export class NatsDrainer implements BeforeApplicationShutdown {
  private readonly logger = new Logger('NatsDrainer');
  private readonly registrations: Registration[] = [];
  timeoutMs = DEFAULT_DRAIN_TIMEOUT_MS;

  constructor(@Optional() private readonly health?: HealthRegistry) {}

  drainOnShutdown(
    name: string,
    connection: () => DrainableConnection | undefined,
    settle?: () => Promise<unknown>,
  ): void {
    this.registrations.push({ name, connection, settle });
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.health?.markShuttingDown();
    await Promise.all(
      this.registrations.map(async ({ name, connection, settle }) => {
        try {
          await withTimeout(
            (async () => {
              await settle?.();
              const nc = connection();
              if (nc && !nc.isClosed()) await nc.drain();
            })(),
            this.timeoutMs,
          );
          this.logger.log({ connection: name, signal }, 'NATS connection drained');
        } catch (err) {
          this.logger.warn(
            { connection: name, reason: err instanceof Error ? err.message : String(err) },
            'drain failed',
          );
        }
      }),
    );
  }
}
