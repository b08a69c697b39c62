import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { correlationIdFor } from './correlation';
import { PERSONAL_FIELDS, REDACTED, redactPaths } from './redaction';

export interface LoggingOptions {
  level?: string;
  /** Where lines go; stdout when absent. Tests pass a stream to read them. */
  destination?: DestinationStream;
  /** Extra personal field names to redact for this service. */
  personalFields?: string[];
}

const QUIET_PATHS = /^\/(health|metrics)(\/|$|\?)/;

/** pino-http options: JSON lines, a correlation id on each, no headers, bodies or query strings. */
export function pinoHttpOptions(service: string, options: LoggingOptions = {}): Options {
  return {
    level: options.level ?? 'info',
    base: { service },
    genReqId: (req, res) => correlationIdFor(req, res),
    // Bind only the id to request-scoped loggers, under a name every service shares.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'correlationId' },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({
        method: req.method,
        path: String(req.url ?? '').split('?')[0],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    autoLogging: { ignore: (req) => QUIET_PATHS.test(req.url ?? '') },
    redact: {
      paths: redactPaths([...PERSONAL_FIELDS, ...(options.personalFields ?? [])]),
      censor: REDACTED,
    },
  };
}

@Module({})
export class LoggingModule {
  /** nestjs-pino for one service; use `app.useLogger(app.get(Logger))` after creating the app. */
  static forService(service: string, options: LoggingOptions = {}): DynamicModule {
    const http = pinoHttpOptions(service, options);
    return {
      module: LoggingModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: options.destination ? [http, options.destination] : http,
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
