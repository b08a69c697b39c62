import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { Metrics, MetricsOptions } from './metrics';

/** `/metrics` and the `Metrics` injectable, with HTTP request timing on every route. */
@Module({})
export class MetricsModule implements NestModule {
  static forService(service: string, options: MetricsOptions = {}): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        { provide: Metrics, useFactory: () => new Metrics(service, options) },
        HttpMetricsMiddleware,
      ],
      exports: [Metrics],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
