import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureServiceApp } from '@lse/service-kit';
import type { DestinationStream } from 'pino';
import type { PartnersConfig } from './config';
import { PartnersModule } from './partners.module';
import { PrefixedNatsServer } from '@lse/messaging';

/**
 * The partners application: NATS request/reply handlers in the `partners` queue group (replicas share
 * the load) and a small HTTP server for /health and /metrics. Not yet listening on HTTP.
 */
export async function createPartnersApp(
  config: PartnersConfig,
  options: { logDestination?: DestinationStream; clock?: { now(): Date } } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    PartnersModule.forRoot({ config, logDestination: options.logDestination, clock: options.clock }),
    { bufferLogs: true },
  );
  configureServiceApp(app);
  app.disable('x-powered-by');
  app.connectMicroservice(
    {
      strategy: new PrefixedNatsServer(
        {
          servers: config.NATS_URL.split(',').map((s) => s.trim()),
          queue: config.PARTNERS_QUEUE_GROUP,
          name: 'lse-partners',
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
