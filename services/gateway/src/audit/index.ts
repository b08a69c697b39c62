import type { Type } from '@nestjs/common';
import { AuditController } from './audit.controller';

export { RecordAccessInterceptor, RecordsAccess } from './record-access.interceptor';
/** The auditor's routes, served by audit over NATS. */
export const AUDIT_CONTROLLERS: Type[] = [AuditController];
