import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { describeError, ERROR_CODES, ProblemException, problemType } from '@lse/service-kit';
import { from, lastValueFrom, Observable, throwError } from 'rxjs';
import type { AuthedRequest } from '../auth/request-user';
import type { HttpResponse } from '@lse/service-kit';
import { requestHash } from './fingerprint';
import { IdempotencyStore, StoredResponse } from './idempotency.store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'Idempotency-Replayed';
/** Response headers worth replaying; the rest (dates, lengths) are recomputed. */
const KEPT_HEADERS = ['location', 'etag', 'content-location'];
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;
const POLL_MS = 25;

const problem = (code: keyof typeof ERROR_CODES, detail: string) => {
  const m = ERROR_CODES[code];
  return new ProblemException({ type: problemType(m.slug), title: m.title, status: m.status, detail });
};

export interface IdempotencyOptions {
  /** How long a request waits for another one in flight with the same key before a 409. */
  waitMs: number;
}

/**
 * `Idempotency-Key` on POST: optional, but honoured whenever present. The first request with a
 * key runs and its 2xx response is stored; a retry with the same body gets that response
 * (`Idempotency-Replayed: true`) without reaching the handler; a different body is a 422. The
 * stored body is sealed (ResponseKeys, docs/erasure.md): the table holds no response in clear.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    private readonly options: IdempotencyOptions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<AuthedRequest & { idempotencyKey?: string }>();
    const res = http.getResponse<HttpResponse>();
    const key = req.headers[IDEMPOTENCY_HEADER];
    if (req.method !== 'POST' || key === undefined || !req.user) return next.handle();
    if (typeof key !== 'string' || !VALID_KEY.test(key)) {
      return throwError(() =>
        problem('bad_request', 'Idempotency-Key must be 1 to 255 visible ASCII characters.'),
      );
    }
    req.idempotencyKey = key;
    const subject = req.user.id;
    const claim = { subject, key, method: req.method, path: req.path, requestHash: requestHash(req.body) };
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;

    // One promise for the whole exchange (claim, handler, completion): fewer rxjs layers per request.
    return from(this.run(claim, status, res, next));
  }

  private async run(
    claim: Parameters<IdempotencyStore['begin']>[0],
    status: number,
    res: HttpResponse,
    next: CallHandler,
  ): Promise<unknown> {
    const { subject, key } = claim;
    const outcome = await this.claim(claim);
    if (outcome.kind === 'replay') return this.replay(res, outcome.response);
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (err) {
      await this.store.release(subject, key).catch(() => undefined);
      throw err;
    }
    await this.store
      .complete(subject, key, { status, headers: keptHeaders(res), body }, claim.path)
      // The command succeeded; failing the response now would invite a duplicate retry. The
      // error is described (name, code, frames): a driver's message can quote the values.
      .catch((err: unknown) => this.logger.warn({ error: describeError(err) }, 'could not store response'));
    return body;
  }

  /** Claims the key, waiting a little while another request with it is in flight. */
  private async claim(claim: Parameters<IdempotencyStore['begin']>[0]) {
    const deadline = Date.now() + this.options.waitMs;
    for (;;) {
      const outcome = await this.store.begin(claim);
      if (outcome.kind === 'mismatch') {
        throw problem('idempotency_key_reused', 'This Idempotency-Key was used with a different request.');
      }
      if (outcome.kind !== 'in_progress') return outcome;
      if (Date.now() >= deadline) {
        throw problem(
          'request_in_progress',
          'A request with this Idempotency-Key is still in progress; retry later.',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private replay(res: HttpResponse, stored: StoredResponse): unknown {
    for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value);
    res.setHeader(REPLAYED_HEADER, 'true');
    // The status is the route's own (Nest applies it); handlers here never set another.
    return stored.body;
  }
}

function keptHeaders(res: HttpResponse): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) kept[name] = String(value);
  }
  return kept;
}
