import { DynamicModule, Module } from '@nestjs/common';
import { PostgresEventStore } from '@lse/event-store';
import { SealedEventStore, sealedStore } from '@lse/crypto-shred';
import { Metrics, ServiceKitModule, StreamCommands } from '@lse/service-kit';
import type { DestinationStream } from 'pino';
import { CaseLinkMirror } from './reactions/case-links/case-link-mirror';
import { CaseLinkReaction } from './reactions/case-links/case-link-reaction';
import { CaseStatusFollower } from './reactions/case-status/case-status-follower';
import { CaseNumberAllocator } from './commands/case-number-allocator';
import { complaintDecider } from '@lse/intake-domain';
import { ComplaintMessages } from './commands/complaint.messages';
import { ComplaintQueryMessages } from './queries/complaint-queries.messages';
import { INTAKE_CONFIG, policyFromConfig, type IntakeConfig } from './config';
import { createIntakeDataSource } from './read-models/data-source';
import { IntakeRuntime } from './runtime/intake-runtime';
import { ReferralIntake } from './reactions/referrals/referral-intake';
import { DashboardMessages } from './queries/dashboard.messages';
import type { DataSource } from 'typeorm';
import { CLOCK, COMPLAINT_DECIDER, INTAKE_DATA_SOURCE } from './tokens';

export interface IntakeOptions {
  config: IntakeConfig;
  logDestination?: DestinationStream;
}

@Module({})
export class IntakeModule {
  static forRoot({ config, logDestination }: IntakeOptions): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        ServiceKitModule.forService({
          service: config.SERVICE_NAME,
          logging: { level: config.LOG_LEVEL, destination: logDestination },
        }),
      ],
      controllers: [ComplaintMessages, ComplaintQueryMessages, DashboardMessages],
      providers: [
        { provide: INTAKE_CONFIG, useValue: config },
        // The system clock lives here, at the edge; the decider only sees the command's `now`.
        { provide: CLOCK, useValue: { now: () => new Date() } },
        { provide: COMPLAINT_DECIDER, useValue: complaintDecider(policyFromConfig(config)) },
        {
          provide: PostgresEventStore,
          useFactory: () =>
            new PostgresEventStore({
              connectionString: config.DATABASE_URL,
              // Group commit needs few connections: the same budget as the read models' pool.
              poolMax: config.DB_POOL_MAX,
              schema: config.EVENT_STORE_SCHEMA,
              service: 'intake',
              categories: ['complaint'],
              // Commands arriving together append in one statement and one commit.
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
          provide: INTAKE_DATA_SOURCE,
          useFactory: async () => {
            const ds = createIntakeDataSource({
              connectionString: config.DATABASE_URL,
              schema: config.INTAKE_SCHEMA,
              poolMax: config.DB_POOL_MAX,
            });
            return ds.initialize();
          },
        },
        {
          provide: CaseNumberAllocator,
          useFactory: (ds: DataSource) => new CaseNumberAllocator(ds, config.INTAKE_SCHEMA),
          inject: [INTAKE_DATA_SOURCE],
        },
        {
          provide: StreamCommands,
          useFactory: (store: SealedEventStore, metrics: Metrics) =>
            new StreamCommands({ store, metrics, sourceService: 'intake' }),
          inject: [SealedEventStore, Metrics],
        },
        IntakeRuntime,
        // Partner referrals become complaints (a durable consumer of events.referral.ReferralSubmitted).
        ReferralIntake,
        // The case index follows the case through investigation and collections (their events).
        CaseStatusFollower,
        // The other side of a link between cases (duplicate, related, merge).
        CaseLinkMirror,
        CaseLinkReaction,
      ],
    };
  }
}
