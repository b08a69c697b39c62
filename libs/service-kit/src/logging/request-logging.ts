import type { IncomingMessage, ServerResponse } from 'node:http';
import { stdSerializers, type Logger } from 'pino';
import { pinoContext } from './pino-context';
import { correlationIdFor } from './correlation';

/** Probes and scrapes: no line per request and no log context (they still get a correlation id). */
const QUIET_PATHS = /^\/(health|metrics)(\/|$|\?)/;

/**
 * What nestjs-pino's Logger finds for the request it is called in. The request's logger (the
 * root with the correlation id bound) is made on first use: most requests write no line of
 * their own, and at the warn level not even the completion line, so making a child logger per
 * request up front (as pino-http does, two of them, with every binding run through redaction)
 * was a tenth of the gateway's CPU under load for nothing.
 */
class RequestLog {
  private child?: Logger;
  /** nestjs-pino's `assignResponse` option, not used here. */
  responseLogger?: Logger;

  constructor(
    readonly root: Logger,
    readonly correlationId: string,
  ) {}

  get logger(): Logger {
    // Errors logged inside a request are serialized as pino-http's request loggers did.
    return (this.child ??= this.root.child(
      { correlationId: this.correlationId },
      { serializers: { err: stdSerializers.err } },
    ));
  }

  /** PinoLogger.assign replaces it with a child carrying more fields. */
  set logger(logger: Logger) {
    this.child = logger;
  }
}

/**
 * Express middleware: gives the request its correlation id (`req.id`, echoed in the
 * `x-correlation-id` header), runs the rest of the request in nestjs-pino's log context, and
 * writes one line when the response is done: method, path without query, status, time taken.
 * Headers, bodies and query strings are never logged.
 */
export function requestLogging(root: Logger) {
  return (
    req: IncomingMessage & { id?: unknown; originalUrl?: string },
    res: ServerResponse,
    next: () => void,
  ): void => {
    const correlationId = correlationIdFor(req, res);
    req.id = correlationId;
    // Express strips the mount path from req.url inside a middleware mounted on a path.
    const url = req.originalUrl ?? req.url ?? '';
    // Probes and scrapes run outside any log context: a process whose only HTTP traffic they
    // are (intake, investigation, ...) then never enables AsyncLocalStorage, whose hooks make
    // every promise in the process (event appends, relays, projections) about twice as costly.
    if (QUIET_PATHS.test(url)) return next();
    const log = new RequestLog(root, correlationId);
    const started = Date.now();
    const method = req.method;
    // 'close' comes after 'finish', and also when the client went away first.
    // The logger's `req` serializer keeps the method and the path (loggerOptions).
    res.once('close', () => logCompletion(log, req, res, { method, url }, started));
    pinoContext.run(log, next);
  };
}

function logCompletion(
  log: RequestLog,
  req: IncomingMessage,
  res: ServerResponse,
  request: { method?: string; url: string },
  started: number,
): void {
  const failed = res.statusCode >= 500;
  if (!log.root.isLevelEnabled(failed ? 'error' : 'info')) return;
  const responseTime = Date.now() - started;
  const entry = { req: request, res: { statusCode: res.statusCode } };
  if (failed) {
    const err = new Error(`failed with status code ${res.statusCode}`);
    log.logger.error({ ...entry, err, responseTime }, 'request errored');
  } else {
    const done = !req.readableAborted && res.writableEnded;
    log.logger.info({ ...entry, responseTime }, done ? 'request completed' : 'request aborted');
  }
}
