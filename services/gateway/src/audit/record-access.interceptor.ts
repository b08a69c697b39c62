import { randomUUID } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AUDIT_PATTERNS } from '@lse/contracts';
import { correlationIdOf } from '@lse/service-kit';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { AuthedRequest } from '../auth/request-user';
import { ServicesClient } from '../services/services-client';

const RESOURCE = 'audit:recordsAccess';

/**
 * Marks a route that reads personal data: each successful read is recorded by audit
 * (RecordAccessed) before the response leaves. Request/reply, not a fire-and-forget publish: audit
 * appends to PostgreSQL (the source of truth) before it answers, so a read that cannot be
 * recorded fails (503/504) instead of disclosing data with no trace. JetStream would acknowledge
 * before the record is on disk (DESIGN.md section 5).
 */
export const RecordsAccess = (resource: string) => SetMetadata(RESOURCE, resource);

@Injectable()
export class RecordAccessInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly services: ServicesClient,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const resource = this.reflector.get<string | undefined>(RESOURCE, context.getHandler());
    if (!resource) return next.handle();
    const req = context
      .switchToHttp()
      .getRequest<AuthedRequest & { params?: Record<string, string>; route?: { path?: string } }>();
    return from(
      (async () => {
        const body: unknown = await lastValueFrom(next.handle() as Observable<unknown>, { defaultValue: undefined });
        const caseId = req.params?.caseId;
        await this.services.call(
          AUDIT_PATTERNS.recordAccess,
          {
            accessId: randomUUID(),
            resource,
            ...(caseId ? { caseId } : {}),
            operation: `${req.method} ${req.route?.path ?? resource}`.slice(0, 300),
          },
          { actor: req.actor!, correlationId: correlationIdOf(req) },
        );
        return body;
      })(),
    );
  }
}
