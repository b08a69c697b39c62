import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { HttpRequest as Request, HttpResponse as Response } from '../http/http-types';
import { throwError } from 'rxjs';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { problemFromError } from './problem-from-error';
import { describeError } from './describe-error';

/**
 * Every HTTP error leaves as application/problem+json (RFC 9457). Unexpected errors are logged
 * by name and stack only (messages can carry personal data) and answered with a generic 500.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(err: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') return throwError(() => err);
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    const problem = problemFromError(err);
    if (!problem.expected) this.logger.error({ err: describeError(err) }, 'unexpected error');
    else if (problem.status >= 500) this.logger.warn({ problem: problem.body.type }, 'request failed');
    if (res.headersSent) return;
    const correlationId = typeof req.id === 'string' ? req.id : undefined;
    res.status(problem.status);
    for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
    res.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
    res.send(JSON.stringify(correlationId ? { ...problem.body, correlationId } : problem.body));
  }
}
