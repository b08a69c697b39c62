import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { findUnsafeText } from '@lse/contracts';
import { ERROR_CODES, ProblemException, problemType } from '@lse/service-kit';

interface Req {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/**
 * The contracts' text rule (libs/contracts/src/text-rule.ts) at the edge: a NUL or an unpaired
 * surrogate anywhere in the path parameters, the query or the body (JSON, or a CSV upload's text)
 * is a 400 naming the field, before any interceptor or handler sees it. Without it such text
 * reached PostgreSQL, which refused it at append or in a query: a 502 with nothing written but an
 * error. A guard rather than a pipe, so bodies the upload routes parse themselves are checked too;
 * it runs after authentication and the role check, so an anonymous caller learns nothing more.
 */
@Injectable()
export class TextRuleGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Req>();
    // Paths as the validation errors of zod name them: body fields bare, parameters by name.
    const unsafe = [
      ...findUnsafeText(req.params ?? {}),
      ...findUnsafeText(req.query ?? {}),
      ...findUnsafeText(req.body ?? {}),
    ];
    if (unsafe.length === 0) return true;
    throw new ProblemException({
      type: problemType(ERROR_CODES.validation.slug),
      title: ERROR_CODES.validation.title,
      status: 400,
      detail: 'The request holds text that is not allowed.',
      errors: unsafe.map((u) => ({ path: u.path.join('.') || '(body)', message: u.message })),
    });
  }
}
