import { DynamicModule, Logger, Module } from '@nestjs/common';
import { describeError } from '@lse/service-kit';
import { Metrics, ServiceKitModule } from '@lse/service-kit';
import type { DestinationStream } from 'pino';
import { openAuditCore } from './audit-core';
import { AUDIT_CORE, CLOCK } from './tokens';
import { AUDIT_CONFIG, type AuditConfig } from './config';
import { AuditMessages } from './commands/audit.messages';
import { FoiaLifecycleMessages } from './commands/foia-lifecycle.messages';
import { AuditQueryMessages } from './queries/audit-queries.messages';
import { CaseAccessMessages } from './queries/case-access.messages';
import { ErasureMessages } from './commands/erasure.messages';
import { RecordsMessages } from './commands/records.messages';
import { RecordsQueryMessages } from './queries/records-queries.messages';
import { AuditRuntime } from './runtime/audit-runtime';

@Module({})
export class AuditModule {
  static forRoot({
    config,
    logDestination,
  }: {
    config: AuditConfig;
    logDestination?: DestinationStream;
  }): DynamicModule {
    return {
      module: AuditModule,
      imports: [
        ServiceKitModule.forService({
          service: config.SERVICE_NAME,
          logging: { level: config.LOG_LEVEL, destination: logDestination },
        }),
      ],
      controllers: [
        AuditMessages,
        FoiaLifecycleMessages,
        AuditQueryMessages,
        CaseAccessMessages,
        RecordsMessages,
        RecordsQueryMessages,
        ErasureMessages,
      ],
      providers: [
        { provide: AUDIT_CONFIG, useValue: config },
        { provide: CLOCK, useValue: { now: () => new Date() } },
        {
          provide: AUDIT_CORE,
          inject: [Metrics],
          useFactory: (metrics: Metrics) =>
            openAuditCore({
              connectionString: config.DATABASE_URL,
              eventStoreSchema: config.EVENT_STORE_SCHEMA,
              auditSchema: config.AUDIT_SCHEMA,
              poolMax: config.DB_POOL_MAX,
              metrics,
              evidenceDir: config.EVIDENCE_DIR,
              onRetentionError: (error, record) =>
                new Logger('Retention').warn(
                  { error: describeError(error), recordType: record.recordType, recordId: record.recordId },
                  'disposition failed; the next review tries again',
                ),
            }),
        },
        AuditRuntime,
      ],
    };
  }
}
