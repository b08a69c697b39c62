import { randomUUID } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AUDIT_PATTERNS } from '@lse/contracts';
import { correlationIdOf } from '@lse/service-kit';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { AuthedRequest } from '../auth/request-user';
import { ServicesClient } from '../services/services-client';

const RESOURCE = 'audit:recordsAccess';

export interface RecordsAccessOptions {
  /** The route parameter holding the case id when it is not `:caseId` (a referral's `:id` is its case's id). */
  caseIdParam?: string;
  /** Or the query parameter holding it (`?referralId=`); a list without one records no case. */
  caseIdQuery?: string;
  /** The route parameter naming the record read within the resource (`:workerId`, a partner's `:id`). */
  subjectParam?: string;
}

type Marked = RecordsAccessOptions & { resource: string };

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Marks a route that reads personal data or a case history (docs/architecture.md#recorded-reads):
 * each successful read is recorded by audit (RecordAccessed: who, under which role, what, when)
 * before the response leaves. Request/reply, not a fire-and-forget publish: audit appends to
 * PostgreSQL (the source of truth) before it answers, so a read that cannot be recorded fails
 * (503/504) instead of disclosing data with no trace. JetStream would acknowledge before the
 * record is on disk (docs/architecture.md#postgresql-is-the-source-of-truth). A list of no single
 * case is recorded on the reader's own access stream.
 */
export const RecordsAccess = (resource: string, options: RecordsAccessOptions = {}) =>
  SetMetadata(RESOURCE, { resource, ...options } satisfies Marked);

/** What a route handler is marked with (tests check every GET route is decided on). */
export const recordsAccessOf = (handler: object): Marked | undefined =>
  Reflect.getMetadata(RESOURCE, handler) as Marked | undefined;

@Injectable()
export class RecordAccessInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly services: ServicesClient,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const marked = this.reflector.get<Marked | undefined>(RESOURCE, context.getHandler());
    if (!marked) return next.handle();
    const { resource, caseIdParam = 'caseId', caseIdQuery, subjectParam } = marked;
    const req = context.switchToHttp().getRequest<
      AuthedRequest & {
        params?: Record<string, string>;
        query?: Record<string, unknown>;
        route?: { path?: string };
      }
    >();
    return from(
      (async () => {
        const body: unknown = await lastValueFrom(next.handle() as Observable<unknown>, {
          defaultValue: undefined,
        });
        // The handler has run: the route's pipes validated these parameters.
        const caseId = caseIdQuery ? textOf(req.query?.[caseIdQuery]) : req.params?.[caseIdParam];
        const subjectId = subjectParam ? req.params?.[subjectParam] : undefined;
        await this.services.call(
          AUDIT_PATTERNS.recordAccess,
          {
            accessId: randomUUID(),
            resource,
            ...(caseId ? { caseId } : {}),
            ...(subjectId ? { subjectId } : {}),
            operation: `${req.method} ${req.route?.path ?? resource}`.slice(0, 300),
          },
          { actor: req.actor!, correlationId: correlationIdOf(req) },
        );
        return body;
      })(),
    );
  }
}
