import { DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@lse/service-kit';
import type { DestinationStream } from 'pino';
import { openAuditCore } from './audit-core';
import { AUDIT_CORE } from './audit.tokens';
import { AUDIT_CONFIG, type AuditConfig } from './config';
import { AuditMessages } from './messages/audit.messages';
import { CaseAccessMessages } from './messages/case-access.messages';
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
      controllers: [AuditMessages, CaseAccessMessages],
      providers: [
        { provide: AUDIT_CONFIG, useValue: config },
        {
          provide: AUDIT_CORE,
          useFactory: () =>
            openAuditCore({
              connectionString: config.DATABASE_URL,
              eventStoreSchema: config.EVENT_STORE_SCHEMA,
              auditSchema: config.AUDIT_SCHEMA,
              poolMax: config.DB_POOL_MAX,
            }),
        },
        AuditRuntime,
      ],
    };
  }
}
