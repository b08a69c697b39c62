import { DynamicModule, Module } from '@nestjs/common';
import type { ConnectionOptions } from '@nats-io/nats-core';
import {
  SERVICE_TIMEOUT_MS,
  SERVICES_NATS_OPTIONS,
  ServicesClient,
  SUBJECT_PREFIX_TOKEN,
} from './services-client';

export interface ServicesModuleOptions {
  natsUrl: string;
  timeoutMs: number;
  /** NATS_SUBJECT_PREFIX: every pattern is called under it. */
  subjectPrefix: string;
}

/** The ServicesClient and the NATS connection it calls services on. */
@Module({})
export class ServicesModule {
  static register(options: ServicesModuleOptions): DynamicModule {
    const nats: ConnectionOptions = {
      servers: options.natsUrl.split(',').map((s) => s.trim()),
      name: 'lse-gateway',
      // Keep trying after an outage; calls meanwhile fail fast with 503.
      reconnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      timeout: 2000,
      // No stack captured per request (a new Error each): a timeout is a 504 either way.
      noAsyncTraces: true,
    };
    return {
      module: ServicesModule,
      providers: [
        { provide: SERVICES_NATS_OPTIONS, useValue: nats },
        { provide: SERVICE_TIMEOUT_MS, useValue: options.timeoutMs },
        { provide: SUBJECT_PREFIX_TOKEN, useValue: options.subjectPrefix },
        ServicesClient,
      ],
      exports: [ServicesClient],
    };
  }
}
