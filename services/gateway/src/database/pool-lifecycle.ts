import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { GATEWAY_POOL } from './pool';

export const OWNS_POOL = Symbol('OWNS_POOL');

/** Closes the pool at shutdown when the gateway created it (a pool passed in belongs to the caller). */
@Injectable()
export class PoolLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(GATEWAY_POOL) private readonly pool: Pool,
    @Inject(OWNS_POOL) private readonly owns: boolean,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.owns) await this.pool.end();
  }
}
