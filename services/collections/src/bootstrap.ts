import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureServiceApp } from '@lse/service-kit';
import { PrefixedNatsServer } from '@lse/messaging';
import type { Clock } from '@lse/domain';
import type { DestinationStream } from 'pino';
import type { CollectionsConfig } from './config';
import { CollectionsModule } from './collections.module';

/**
 * The collections application: NATS request/reply handlers in the `collections` queue group
 * (replicas share the load) and a small HTTP server for /health and /metrics. Not yet listening on HTTP.
 */
export async function createCollectionsApp(
  config: CollectionsConfig,
  options: { logDestination?: DestinationStream; clock?: Clock } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    CollectionsModule.forRoot({ config, logDestination: options.logDestination, clock: options.clock }),
    { bufferLogs: true },
  );
  configureServiceApp(app);
  app.disable('x-powered-by');
  app.connectMicroservice(
    {
      strategy: new PrefixedNatsServer(
        {
          servers: config.NATS_URL.split(',').map((s) => s.trim()),
          queue: config.COLLECTIONS_QUEUE_GROUP,
          name: 'lse-collections',
          reconnect: true,
          maxReconnectAttempts: -1,
          reconnectTimeWait: 500,
        },
        config.NATS_SUBJECT_PREFIX,
      ),
    },
    { inheritAppConfig: true },
  );
  await app.startAllMicroservices();
  await app.init();
  return app;
}
