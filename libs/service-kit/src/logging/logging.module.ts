import { DynamicModule, Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { Logger, PARAMS_PROVIDER_TOKEN, PinoLogger, type Params } from 'nestjs-pino';
import { pino, type DestinationStream, type LoggerOptions, type Logger as PinoRoot } from 'pino';
import { PERSONAL_FIELDS, REDACTED, redactPaths } from './redaction';
import { requestLogging } from './request-logging';

export interface LoggingOptions {
  level?: string;
  /** Where lines go; stdout when absent. Tests pass a stream to read them. */
  destination?: DestinationStream;
  /** Extra personal field names to redact for this service. */
  personalFields?: string[];
}

const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** pino options: JSON lines, the service's name on each, personal fields and secrets redacted. */
export function loggerOptions(service: string, options: LoggingOptions = {}): LoggerOptions {
  return {
    level: options.level ?? 'info',
    base: { service },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({
        method: req.method,
        path: String(req.url ?? '').split('?')[0],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    redact: {
      paths: redactPaths([...PERSONAL_FIELDS, ...(options.personalFields ?? [])]),
      censor: REDACTED,
    },
  };
}

/**
 * nestjs-pino's Logger over one pino logger per service, and the request middleware
 * (request-logging.ts) that gives each request its correlation id and log context. Use
 * `app.useLogger(app.get(Logger))` after creating the app.
 */
@Module({})
export class LoggingModule implements NestModule {
  constructor(@Inject(ROOT_LOGGER) private readonly root: PinoRoot) {}

  static forService(service: string, options: LoggingOptions = {}): DynamicModule {
    const opts = loggerOptions(service, options);
    const root = options.destination ? pino(opts, options.destination) : pino(opts);
    // nestjs-pino's params, as LoggerModule.forRoot would provide them: its Logger and
    // PinoLogger write to `root` outside requests, to the request's logger inside one.
    const params: Params = { pinoHttp: { logger: root } };
    return {
      module: LoggingModule,
      global: true,
      providers: [
        { provide: ROOT_LOGGER, useValue: root },
        { provide: PARAMS_PROVIDER_TOKEN, useValue: params },
        PinoLogger,
        Logger,
      ],
      exports: [Logger, PinoLogger, PARAMS_PROVIDER_TOKEN],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestLogging(this.root)).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
