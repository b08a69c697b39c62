import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { describeError } from '@lse/service-kit';
import { IdempotencyStore } from './idempotency.store';

const EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes idempotency keys older than 24 hours and the response keys of days past (ResponseKeys),
 * once an hour (any replica may; it is idempotent),
 * and on start frees the claims this gateway process held when it last stopped without finishing.
 */
@Injectable()
export class IdempotencyJanitor implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('IdempotencyJanitor');
  private timer?: NodeJS.Timeout;

  constructor(private readonly store: IdempotencyStore) {}

  async onModuleInit(): Promise<void> {
    this.timer = setInterval(() => void this.purge(), EVERY_MS);
    this.timer.unref();
    // Before the server listens. If PostgreSQL is down now, those claims simply expire by age.
    try {
      const released = await this.store.releaseOwnClaims();
      if (released > 0) this.logger.log({ released }, 'claims of an earlier run of this gateway freed');
    } catch (err) {
      this.logger.warn({ error: describeError(err) }, 'could not free earlier claims');
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async purge(): Promise<number> {
    try {
      const deleted = await this.store.purgeExpired();
      if (deleted > 0) this.logger.log({ deleted }, 'expired idempotency keys deleted');
      // Then the keys of the days those responses were sealed under: no copy of them opens again.
      const keys = await this.store.keys.destroyExpired();
      if (keys > 0) this.logger.log({ keys }, 'response keys of past days deleted');
      return deleted;
    } catch (err) {
      this.logger.warn({ error: describeError(err) }, 'idempotency clean-up failed');
      return 0;
    }
  }
}
