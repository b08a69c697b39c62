import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { problemFromError, type HttpResponse } from '@lse/service-kit';
import { catchError, type Observable, throwError } from 'rxjs';

/** Seconds a client waits before asking again for a resource another service has yet to create. */
export const NOT_YET_RETRY_AFTER_SECONDS = 1;

/**
 * For a resource that exists only once another service has reacted to an event (an investigation
 * after CaseOpened, a collection case after DeterminationIssued): its 404 carries Retry-After, so a
 * client written from the OpenAPI document knows to wait rather than give up. The gateway cannot
 * tell "not yet" from "never" without asking the event history, so every 404 of such a route says
 * when to ask again; the document says what the resource waits for.
 */
@Injectable()
export class RetryAfterWhileNotThere implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (problemFromError(err).status === 404) {
          const res = context.switchToHttp().getResponse<HttpResponse>();
          if (!res.headersSent) res.setHeader('Retry-After', String(NOT_YET_RETRY_AFTER_SECONDS));
        }
        return throwError(() => err);
      }),
    );
  }
}
