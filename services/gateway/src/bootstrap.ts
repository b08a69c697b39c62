import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureServiceApp } from '@lse/service-kit';
import { AppModule, GatewayOptions } from './app.module';
import { checkJsonBody } from './http/json-depth';

/** The configured gateway application, not yet listening (main.ts and tests share it). */
export async function createGatewayApp(options: GatewayOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureServiceApp(app);
  app.disable('x-powered-by');
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
