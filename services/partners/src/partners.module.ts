import { DynamicModule, Module } from '@nestjs/common';
import { PostgresEventStore } from '@lse/event-store';
import { SealedEventStore, sealedStore } from '@lse/crypto-shred';
import { Metrics, ServiceKitModule, StreamCommands } from '@lse/service-kit';
import type { DestinationStream } from 'pino';
import { PARTNERS_CATEGORIES, PARTNERS_CONFIG, type PartnersConfig } from './config';
import { AgreementExpiry } from './scheduled/agreement-expiry';
import { AgreementMessages } from './commands/agreements.messages';
import { ReferralMessages } from './commands/referrals.messages';
import { RegistryMessages } from './commands/registry.messages';
import { AgreementQueryMessages } from './queries/agreement-queries.messages';
import { ReferralQueryMessages } from './queries/referral-queries.messages';
import { RegistryQueryMessages } from './queries/registry-queries.messages';
import { ReferralReactions } from './reactions/referral-reactions';
import { createPartnersDataSource } from './read-models/data-source';
import { PartnersRuntime } from './runtime/partners-runtime';
import { CLOCK, PARTNERS_DATA_SOURCE } from './tokens';

export interface PartnersOptions {
  config: PartnersConfig;
  logDestination?: DestinationStream;
  /** Tests replace the clock to move past expiry dates. */
  clock?: { now(): Date };
}

@Module({})
export class PartnersModule {
  static forRoot({ config, logDestination, clock }: PartnersOptions): DynamicModule {
    return {
      module: PartnersModule,
      imports: [
        ServiceKitModule.forService({
          service: config.SERVICE_NAME,
          logging: { level: config.LOG_LEVEL, destination: logDestination },
        }),
      ],
      controllers: [
        RegistryMessages,
        RegistryQueryMessages,
        AgreementMessages,
        AgreementQueryMessages,
        ReferralMessages,
        ReferralQueryMessages,
      ],
      providers: [
        { provide: PARTNERS_CONFIG, useValue: config },
        // The system clock lives here, at the edge; deciders only see the command's dates.
        { provide: CLOCK, useValue: clock ?? { now: () => new Date() } },
        {
          provide: PostgresEventStore,
          useFactory: () =>
            new PostgresEventStore({
              connectionString: config.DATABASE_URL,
              schema: config.EVENT_STORE_SCHEMA,
              service: 'partners',
              categories: [...PARTNERS_CATEGORIES],
            }),
        },
        // What the service reads and appends through: personal fields sealed per data subject
        // (docs/architecture.md#crypto-shredding). The raw store above is the relay's and verification's.
        {
          provide: SealedEventStore,
          useFactory: (raw: PostgresEventStore) => sealedStore(raw),
          inject: [PostgresEventStore],
        },
        {
          provide: PARTNERS_DATA_SOURCE,
          useFactory: async () =>
            createPartnersDataSource({
              connectionString: config.DATABASE_URL,
              schema: config.PARTNERS_SCHEMA,
              poolMax: config.DB_POOL_MAX,
            }).initialize(),
        },
        {
          provide: StreamCommands,
          useFactory: (store: SealedEventStore, metrics: Metrics) =>
            new StreamCommands({ store, metrics, sourceService: 'partners' }),
          inject: [SealedEventStore, Metrics],
        },
        ReferralReactions,
        AgreementExpiry,
        PartnersRuntime,
      ],
    };
  }
}
