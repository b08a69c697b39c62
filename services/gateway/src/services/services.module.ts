import { DynamicModule, Module } from '@nestjs/common';
import { ClientsModule, Transport } from '@nestjs/microservices';
import { SERVICE_TIMEOUT_MS, SERVICES_NATS, ServicesClient, SUBJECT_PREFIX_TOKEN } from './services-client';

export interface ServicesModuleOptions {
  natsUrl: string;
  timeoutMs: number;
  /** NATS_SUBJECT_PREFIX: every pattern is called under it. */
  subjectPrefix: string;
}

/** The NATS ClientProxy (Nest microservices transport) and the ServicesClient around it. */
@Module({})
export class ServicesModule {
  static register(options: ServicesModuleOptions): DynamicModule {
    return {
      module: ServicesModule,
      imports: [
        ClientsModule.register([
          {
            name: SERVICES_NATS,
            transport: Transport.NATS,
            options: {
              servers: options.natsUrl.split(',').map((s) => s.trim()),
              name: 'lse-gateway',
              // Keep trying after an outage; calls meanwhile fail fast with 503.
              reconnect: true,
              maxReconnectAttempts: -1,
              reconnectTimeWait: 500,
              timeout: 2000,
            },
          },
        ]),
      ],
      providers: [
        { provide: SERVICE_TIMEOUT_MS, useValue: options.timeoutMs },
        { provide: SUBJECT_PREFIX_TOKEN, useValue: options.subjectPrefix },
        ServicesClient,
      ],
      exports: [ServicesClient],
    };
  }
}
