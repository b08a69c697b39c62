import {
  DynamicModule,
  Logger,
  MiddlewareConsumer,
  Module,
  NestModule,
  RequestMethod,
  Type,
} from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ServiceKitModule } from '@lse/service-kit';
import { hostname } from 'node:os';
import type { Pool } from 'pg';
import type { DestinationStream } from 'pino';
import { AuthGuard } from './auth/auth.guard';
import { RolesGuard } from './auth/roles.guard';
import { TokenVerifier } from './auth/token-verifier';
import { GATEWAY_CONFIG, GatewayConfig } from './config';
import { PoolLifecycle, OWNS_POOL } from './database/pool-lifecycle';
import { createGatewayPool, GATEWAY_POOL } from './database/pool';
import { GatewayReadiness } from './health/gateway-readiness';
import { RouteTableMiddleware } from './http/route-table';
import { TextRuleGuard } from './http/text-rule.guard';
import { IdempotencyJanitor } from './idempotency/idempotency-janitor';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { ApiIndexController, OpenApiController } from './openapi/openapi.controller';
import { SubjectThrottlerGuard } from './rate-limit/subject-throttler.guard';
import { WindowThrottlerStorage } from './rate-limit/window-storage';
import { ServicesModule } from './services/services.module';
import { WhoamiController } from './whoami/whoami.controller';
import { AuthConfigController, DevelopmentTokenController } from './auth/sign-in.controller';
import { COMPLAINT_CONTROLLERS } from './complaints';
import { COLLECTION_CONTROLLERS } from './collections';
import { REPORT_CONTROLLERS } from './reports';
import { AUDIT_CONTROLLERS, RecordAccessInterceptor } from './audit';
import { FOIA_CONTROLLERS } from './foia';
import { RECORDS_CONTROLLERS } from './records';
import { PARTNER_CONTROLLERS } from './partners';
import { INVESTIGATION_CONTROLLERS, InvestigationUploadsModule } from './investigations';

/** The REST controllers of the API. Route modules add theirs here. */
export const API_CONTROLLERS: Type[] = [
  WhoamiController,
  AuthConfigController,
  ...COMPLAINT_CONTROLLERS,
  ...AUDIT_CONTROLLERS,
  ...FOIA_CONTROLLERS,
  ...RECORDS_CONTROLLERS,
  ...PARTNER_CONTROLLERS,
  ...COLLECTION_CONTROLLERS,
  ...REPORT_CONTROLLERS,
  ...INVESTIGATION_CONTROLLERS,
];

export interface GatewayOptions {
  config: GatewayConfig;
  /** An existing pool (tests pass their schema's); otherwise one is made from DATABASE_URL. */
  pool?: Pool;
  /** Extra controllers, e.g. test-only routes. */
  controllers?: Type[];
  logDestination?: DestinationStream;
}

function tokenVerifier(config: GatewayConfig): TokenVerifier {
  const verifier = TokenVerifier.fromConfig(config);
  if (verifier.mode === 'development') {
    new Logger('Auth').warn(
      'DEVELOPMENT MODE (AUTH_MODE=development): tokens are checked against the local development key; never in production',
    );
  }
  return verifier;
}

@Module({})
export class AppModule implements NestModule {
  /** 405 and 415 from the endpoint table, before authentication and any handler. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RouteTableMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }

  static forRoot(options: GatewayOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({
          service: config.SERVICE_NAME,
          logging: { level: config.LOG_LEVEL, destination: options.logDestination },
        }),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: config.RATE_LIMIT_WINDOW_MS, limit: config.RATE_LIMIT }],
          storage: new WindowThrottlerStorage(),
        }),
        ServicesModule.register({
          natsUrl: config.NATS_URL,
          timeoutMs: config.SERVICE_TIMEOUT_MS,
          subjectPrefix: config.NATS_SUBJECT_PREFIX,
        }),
        // CSV hours and raw evidence bodies, on their two routes (everything else is JSON).
        InvestigationUploadsModule,
      ],
      controllers: [
        ...API_CONTROLLERS,
        // Registered in development mode only: elsewhere its path is a 404 like any unknown route.
        ...(config.AUTH_MODE === 'development' ? [DevelopmentTokenController] : []),
        OpenApiController,
        ApiIndexController,
        ...(options.controllers ?? []),
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        {
          provide: GATEWAY_POOL,
          useValue: options.pool ?? createGatewayPool(config.DATABASE_URL, config.DB_POOL_MAX),
        },
        { provide: OWNS_POOL, useValue: !options.pool },
        PoolLifecycle,
        { provide: TokenVerifier, useFactory: () => tokenVerifier(config) },
        {
          provide: IdempotencyStore,
          useFactory: (pool: Pool) => new IdempotencyStore(pool, `${hostname()}:${config.GATEWAY_PORT}`),
          inject: [GATEWAY_POOL],
        },
        {
          provide: IdempotencyInterceptor,
          useFactory: (store: IdempotencyStore, reflector: Reflector) =>
            new IdempotencyInterceptor(store, reflector, { waitMs: config.IDEMPOTENCY_WAIT_MS }),
          inject: [IdempotencyStore, Reflector],
        },
        { provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor },
        // Reads of personal data are recorded by audit before the response leaves.
        { provide: APP_INTERCEPTOR, useClass: RecordAccessInterceptor },
        IdempotencyJanitor,
        // Guards run in this order: who you are, how often you call, what your role allows.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: SubjectThrottlerGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        // Then the text rule of the contracts over parameters, query and body (400 naming the field).
        { provide: APP_GUARD, useClass: TextRuleGuard },
        GatewayReadiness,
      ],
    };
  }
}
