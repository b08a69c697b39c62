import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PrefixedNatsServer } from '@lse/messaging';
import { configureServiceApp } from '@lse/service-kit';
import type { DestinationStream } from 'pino';
import { AuditModule } from './audit.module';
import type { AuditConfig } from './config';

/** The audit application: `audit.*` over NATS in the `audit` queue group, /health and /metrics over HTTP. */
export async function createAuditApp(
  config: AuditConfig,
  options: { logDestination?: DestinationStream } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AuditModule.forRoot({ config, logDestination: options.logDestination }),
    { bufferLogs: true },
  );
  configureServiceApp(app);
  app.disable('x-powered-by');
  app.connectMicroservice(
    {
      strategy: new PrefixedNatsServer(
        {
          servers: config.NATS_URL.split(',').map((s) => s.trim()),
          queue: config.AUDIT_QUEUE_GROUP,
          name: 'lse-audit',
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
