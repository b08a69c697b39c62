import type { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';

/** What nestjs-pino's Logger reads from its context: the request's logger. */
export interface PinoContext {
  logger: Logger;
  responseLogger?: Logger;
}

/**
 * nestjs-pino's request context, the AsyncLocalStorage its Logger reads the request's logger
 * from. Version 4 exported it as `nestjs-pino/storage`; version 5's exports map offers only
 * `PinoLogger.runInContext`, which makes the request's child logger up front, and a lazy one is
 * the point of requestLogging(). So the module is loaded from the file beside the package's
 * CommonJS entry point: the same file, so the same instance, that nestjs-pino itself requires.
 * request-logging.spec.ts fails if a later version moves or splits it.
 */
export const pinoContext: AsyncLocalStorage<PinoContext> = (
  createRequire(__filename)(join(dirname(require.resolve('nestjs-pino')), 'storage.js')) as {
    storage: AsyncLocalStorage<PinoContext>;
  }
).storage;
