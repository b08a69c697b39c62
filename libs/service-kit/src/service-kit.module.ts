import { DynamicModule, Global, INestApplication, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { HealthModule } from './health/health.module';
import { LoggingModule, LoggingOptions } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { MetricsOptions } from './metrics/metrics';
import { ProblemFilter } from './problems/problem.filter';
import { NatsDrainer } from './shutdown/nats-drainer';

export interface ServiceKitOptions {
  service: string;
  logging?: LoggingOptions;
  metrics?: MetricsOptions;
}

/**
 * Everything a service needs in one import: JSON logs with correlation ids, /health/*, /metrics,
 * problem+json errors and NATS draining on shutdown.
 */
@Global()
@Module({})
export class ServiceKitModule {
  static forService(options: ServiceKitOptions): DynamicModule {
    return {
      module: ServiceKitModule,
      imports: [
        LoggingModule.forService(options.service, options.logging),
        HealthModule,
        MetricsModule.forService(options.service, options.metrics),
      ],
      providers: [NatsDrainer, { provide: APP_FILTER, useClass: ProblemFilter }],
      exports: [NatsDrainer],
    };
  }
}

/** After `NestFactory.create(..., { bufferLogs: true })`: the pino logger and SIGTERM handling. */
export function configureServiceApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  // With bufferLogs, Nest holds log lines until listen(); apps only init()ed (tests) need this.
  app.flushLogs();
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
}
