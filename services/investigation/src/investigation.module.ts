import { DynamicModule, Module } from '@nestjs/common';
import { PostgresEventStore } from '@lse/event-store';
import { SealedEventStore, sealedStore } from '@lse/crypto-shred';
import { Metrics, ServiceKitModule, StreamCommands } from '@lse/service-kit';
import type { DestinationStream } from 'pino';
import { INVESTIGATION_CONFIG, type InvestigationConfig } from './config';
import { EVIDENCE_STORE, FilesystemEvidenceStore, type EvidenceStore } from './evidence/evidence-store';
import { InvestigationMessages } from './commands/investigation.messages';
import { CLOCK, INVESTIGATION_DATA_SOURCE } from './tokens';
import { InvestigationQueryMessages } from './queries/investigation-queries.messages';
import { createInvestigationDataSource } from './read-models/data-source';
import { InvestigationRuntime } from './runtime/investigation-runtime';
import { RuleSetVersions } from './back-wages/rule-set-versions';

export interface InvestigationOptions {
  config: InvestigationConfig;
  logDestination?: DestinationStream;
  /** Another evidence store adapter (an object store); the filesystem under EVIDENCE_DIR otherwise. */
  evidenceStore?: EvidenceStore;
}

@Module({})
export class InvestigationModule {
  static forRoot({ config, logDestination, evidenceStore }: InvestigationOptions): DynamicModule {
    return {
      module: InvestigationModule,
      imports: [
        ServiceKitModule.forService({
          service: config.SERVICE_NAME,
          logging: { level: config.LOG_LEVEL, destination: logDestination },
        }),
      ],
      controllers: [InvestigationMessages, InvestigationQueryMessages],
      providers: [
        { provide: INVESTIGATION_CONFIG, useValue: config },
        // The system clock lives here, at the edge; the decider only sees the command's `now`.
        { provide: CLOCK, useValue: { now: () => new Date() } },
        {
          // Sealed under the case's key of the same keyring as the events (docs/erasure.md).
          provide: EVIDENCE_STORE,
          useFactory: (sealed: SealedEventStore) =>
            evidenceStore ?? new FilesystemEvidenceStore(config.EVIDENCE_DIR, sealed.keys),
          inject: [SealedEventStore],
        },
        {
          provide: PostgresEventStore,
          useFactory: () =>
            new PostgresEventStore({
              connectionString: config.DATABASE_URL,
              schema: config.EVENT_STORE_SCHEMA,
              service: 'investigation',
              categories: ['investigation', 'wage_rules'],
              // CaseOpened reactions (several at once) and commands arriving together append in
              // one statement and one commit.
              groupCommit: true,
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
          provide: INVESTIGATION_DATA_SOURCE,
          useFactory: async () => {
            const ds = createInvestigationDataSource({
              connectionString: config.DATABASE_URL,
              schema: config.INVESTIGATION_SCHEMA,
              poolMax: config.DB_POOL_MAX,
            });
            return ds.initialize();
          },
        },
        {
          provide: StreamCommands,
          useFactory: (store: SealedEventStore, metrics: Metrics) =>
            new StreamCommands({ store, metrics, sourceService: 'investigation' }),
          inject: [SealedEventStore, Metrics],
        },
        RuleSetVersions,
        InvestigationRuntime,
      ],
    };
  }
}
