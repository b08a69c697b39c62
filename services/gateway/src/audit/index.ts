import type { Type } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { CaseAccessController } from './case-access.controller';

export { RecordAccessInterceptor, RecordsAccess, recordsAccessOf } from './record-access.interceptor';
export { UNRECORDED_READS } from './unrecorded-reads';
/** The auditor's routes, served by audit over NATS. */
export const AUDIT_CONTROLLERS: Type[] = [AuditController, CaseAccessController];
