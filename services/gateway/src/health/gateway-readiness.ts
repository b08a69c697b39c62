import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HealthRegistry, natsCheck, postgresCheck } from '@lse/service-kit';
import type { Pool } from 'pg';
import { GATEWAY_POOL } from '../database/pool';
import { ServicesClient } from '../services/services-client';

/** The gateway is ready when its idempotency database and the message bus answer. */
@Injectable()
export class GatewayReadiness implements OnModuleInit {
  constructor(
    private readonly health: HealthRegistry,
    @Inject(GATEWAY_POOL) private readonly pool: Pool,
    private readonly services: ServicesClient,
  ) {}

  onModuleInit(): void {
    this.health.register('postgres', postgresCheck(this.pool));
    this.health.register(
      'nats',
      natsCheck(() => this.services.connect()),
    );
  }
}
