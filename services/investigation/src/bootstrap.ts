import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureServiceApp } from '@lse/service-kit';
import type { DestinationStream } from 'pino';
import type { InvestigationConfig } from './config';
import { InvestigationModule } from './investigation.module';
import { PrefixedNatsServer } from '@lse/messaging';
import type { EvidenceStore } from './evidence/evidence-store';

/**
 * The investigation application: NATS request/reply handlers in the `investigation` queue group (replicas share
 * the load) and a small HTTP server for /health and /metrics. Not yet listening on HTTP.
 */
export async function createInvestigationApp(
  config: InvestigationConfig,
  options: { logDestination?: DestinationStream; evidenceStore?: EvidenceStore } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    InvestigationModule.forRoot({ config, ...options }),
    { bufferLogs: true },
  );
  configureServiceApp(app);
  app.disable('x-powered-by');
  app.connectMicroservice(
    {
      strategy: new PrefixedNatsServer(
        {
          servers: config.NATS_URL.split(',').map((s) => s.trim()),
          queue: config.INVESTIGATION_QUEUE_GROUP,
          name: 'lse-investigation',
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
