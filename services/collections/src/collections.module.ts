import { DynamicModule, Logger, Module } from '@nestjs/common';
import { PostgresEventStore } from '@lse/event-store';
import { SealedEventStore, sealedStore } from '@lse/crypto-shred';
import { describeError, Metrics, ServiceKitModule, StreamCommands } from '@lse/service-kit';
import { collectionDecider, type CollectionDecider } from '@lse/collections-domain';
import type { Clock } from '@lse/domain';
import type { DestinationStream } from 'pino';
import type { DataSource } from 'typeorm';
import { COLLECTIONS_CONFIG, collectionsClock, policyFromConfig, type CollectionsConfig } from './config';
import { CollectionMessages } from './commands/collection.messages';
import { CollectionQueryMessages } from './queries/collection-queries.messages';
import { DashboardMessages } from './queries/dashboard.messages';
import { createCollectionsDataSource } from './read-models/data-source';
import { CollectionsRuntime } from './runtime/collections-runtime';
import { InstallmentChecker, readModelCandidates } from './scheduled/installment-checker';
import { CLOCK, COLLECTION_DECIDER, COLLECTIONS_DATA_SOURCE } from './tokens';

export interface CollectionsOptions {
  config: CollectionsConfig;
  logDestination?: DestinationStream;
  /** Tests inject a clock; otherwise the system clock shifted by COLLECTIONS_CLOCK_OFFSET_DAYS. */
  clock?: Clock;
}

@Module({})
export class CollectionsModule {
  static forRoot({ config, logDestination, clock }: CollectionsOptions): DynamicModule {
    return {
      module: CollectionsModule,
      imports: [
        ServiceKitModule.forService({
          service: config.SERVICE_NAME,
          logging: { level: config.LOG_LEVEL, destination: logDestination },
        }),
      ],
      controllers: [CollectionMessages, CollectionQueryMessages, DashboardMessages],
      providers: [
        { provide: COLLECTIONS_CONFIG, useValue: config },
        // The clock lives here, at the edge; the decider only sees the command's `now`.
        { provide: CLOCK, useValue: clock ?? collectionsClock(config.COLLECTIONS_CLOCK_OFFSET_DAYS) },
        { provide: COLLECTION_DECIDER, useValue: collectionDecider(policyFromConfig(config)) },
        {
          provide: PostgresEventStore,
          useFactory: () =>
            new PostgresEventStore({
              connectionString: config.DATABASE_URL,
              schema: config.EVENT_STORE_SCHEMA,
              service: 'collections',
              categories: ['collection'],
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
          provide: COLLECTIONS_DATA_SOURCE,
          useFactory: async () =>
            createCollectionsDataSource({
              connectionString: config.DATABASE_URL,
              schema: config.COLLECTIONS_SCHEMA,
              poolMax: config.DB_POOL_MAX,
            }).initialize(),
        },
        {
          provide: InstallmentChecker,
          useFactory: (store: SealedEventStore, decider: CollectionDecider, clk: Clock, ds: DataSource) => {
            const logger = new Logger('InstallmentCheck');
            return new InstallmentChecker({
              store,
              decider,
              clock: clk,
              candidates: readModelCandidates(
                (sql, params) => ds.query(sql, params),
                config.COLLECTIONS_SCHEMA,
              ),
              connectionString: config.DATABASE_URL,
              lockName: `collections-installment-check:${config.COLLECTIONS_SCHEMA}`,
              intervalMs: config.COLLECTIONS_CHECK_INTERVAL_MS,
              onError: (err) => logger.warn({ error: describeError(err) }, 'installment check failed'),
              onChecked: (r) => r.missedRecorded > 0 && logger.log(r, 'missed installments recorded'),
            });
          },
          inject: [SealedEventStore, COLLECTION_DECIDER, CLOCK, COLLECTIONS_DATA_SOURCE],
        },
        {
          provide: StreamCommands,
          useFactory: (store: SealedEventStore, metrics: Metrics) =>
            new StreamCommands({ store, metrics, sourceService: 'collections' }),
          inject: [SealedEventStore, Metrics],
        },
        CollectionsRuntime,
      ],
    };
  }
}
