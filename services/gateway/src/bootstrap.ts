import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureServiceApp } from '@lse/service-kit';
import { AppModule, GatewayOptions } from './app.module';
import { oidcOrigin } from './auth/sign-in.controller';
import { checkJsonBody } from './http/json-depth';
import { securityHeaders } from './http/security-headers';
import { workbench, workbenchCsp } from './workbench/workbench';

/** The configured gateway application, not yet listening (main.ts and tests share it). */
export async function createGatewayApp(options: GatewayOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureServiceApp(app);
  app.disable('x-powered-by');
  // First, so that every response carries them, errors and the body parser's refusals included.
  app.use(securityHeaders());
  // The staff workbench at `/`, ahead of the routes (it never answers /api, /health or /metrics).
  app.use(workbench({ dir: options.config.WORKBENCH_DIR, csp: workbenchCsp(oidcOrigin(options.config)) }));
  // ETag means a stream version here (http/etag.ts); Express's body-hash ETags would confuse If-Match.
  app.set('etag', false);
  // JSON only, bounded: a larger body is a 413 problem before any handler runs. Not strict: `null`
  // or `42` is valid JSON (RFC 8259), and the endpoint's schema answers "expected object" for it
  // rather than the parser calling it not JSON.
  app.useBodyParser('json', {
    limit: options.config.BODY_LIMIT_BYTES,
    strict: false,
    type: ['application/json', 'application/*+json'],
    verify: checkJsonBody(),
  });
  await app.init();
  return app;
}
