import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureServiceApp } from '@lse/service-kit';
import type { DestinationStream } from 'pino';
import type { IntakeConfig } from './config';
import { IntakeModule } from './intake.module';
import { PrefixedNatsServer } from '@lse/messaging';

/**
 * The intake application: NATS request/reply handlers in the `intake` queue group (replicas share
 * the load) and a small HTTP server for /health and /metrics. Not yet listening on HTTP.
 */
export async function createIntakeApp(
  config: IntakeConfig,
  options: { logDestination?: DestinationStream } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    IntakeModule.forRoot({ config, logDestination: options.logDestination }),
    { bufferLogs: true },
  );
  configureServiceApp(app);
  app.disable('x-powered-by');
  app.connectMicroservice(
    {
      strategy: new PrefixedNatsServer(
        {
          servers: config.NATS_URL.split(',').map((s) => s.trim()),
          queue: config.INTAKE_QUEUE_GROUP,
          name: 'lse-intake',
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
