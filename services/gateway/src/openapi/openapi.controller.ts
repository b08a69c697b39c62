import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@lse/service-kit';
import { buildOpenApiDocument } from './document';
import { registeredEndpoints } from './endpoint';
import { GATEWAY_VERSION } from '../version';

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LSE API</title></head>
<body><h1>Labor standards enforcement API</h1>
<p>The OpenAPI 3.1 document: <a href="/api/docs/openapi.json">/api/docs/openapi.json</a>.
Load it in any OpenAPI viewer.</p></body></html>`;

/** The API description is public, like a login page: it holds no data. */
@Public()
@Controller('api/docs')
export class OpenApiController {
  private document?: unknown;

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  html(): string {
    return page;
  }

  @Get('openapi.json')
  json(): unknown {
    this.document ??= buildOpenApiDocument(registeredEndpoints(), GATEWAY_VERSION);
    return this.document;
  }
}
