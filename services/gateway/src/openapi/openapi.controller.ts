import { Controller, Get, Header, NotFoundException, Param, Res, StreamableFile } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Public, type HttpResponse } from '@lse/service-kit';
import { buildOpenApiDocument } from './document';
import { API_PREFIX, registeredEndpoints } from './endpoint';
import { GATEWAY_VERSION } from '../version';

/**
 * The viewer's own page, script and assets come from this gateway only (no CDN): the page may
 * run scripts and load styles and images from itself, fetch the document from itself, nothing
 * else. Swagger UI sets inline styles and draws icons from data: URIs, hence those two.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** What /api/docs/assets/ serves from swagger-ui-dist, by file name: nothing else is reachable. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/** swagger-ui-dist's directory, or undefined where it is not installed (npm ci --omit=dev). */
function swaggerUiDir(): string | undefined {
  try {
    return join(require.resolve('swagger-ui-dist/package.json'), '..');
  } catch {
    return undefined;
  }
}

const viewerPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Labor standards enforcement API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="/api/docs/assets/favicon-32x32.png">
</head><body>
<noscript><p>The OpenAPI 3.1 document: <a href="/api/docs/openapi.json">/api/docs/openapi.json</a>.</p></noscript>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/viewer.js"></script>
</body></html>
`;

const plainPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Labor standards enforcement API</title></head>
<body><h1>Labor standards enforcement API</h1>
<p>The OpenAPI 3.1 document: <a href="/api/docs/openapi.json">/api/docs/openapi.json</a>.
The interactive reference (swagger-ui-dist) is not installed here; load the document in any OpenAPI viewer.</p></body></html>
`;

// An external script, not inline, so the CSP needs no 'unsafe-inline' for scripts.
const viewerScript = `window.ui = SwaggerUIBundle({
  url: '/api/docs/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: false,
  tryItOutEnabled: false
});
`;

/** The API description and its viewer are public, like a login page: they hold no data. */
@Public()
@Controller('api/docs')
export class OpenApiController {
  private document?: unknown;
  private readonly assetDir = swaggerUiDir();
  private readonly cache = new Map<string, Buffer>();

  @Get()
  html(@Res({ passthrough: true }) res: HttpResponse): string {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', DOCS_CSP);
    return this.assetDir ? viewerPage : plainPage;
  }

  @Get('viewer.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  viewer(): string {
    return viewerScript;
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res({ passthrough: true }) res: HttpResponse): StreamableFile {
    const type = Object.prototype.hasOwnProperty.call(ASSETS, file) ? ASSETS[file] : undefined;
    if (!type || !this.assetDir) throw new NotFoundException();
    let bytes = this.cache.get(file);
    if (!bytes) {
      bytes = readFileSync(join(this.assetDir, file));
      this.cache.set(file, bytes);
    }
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(bytes, { type, length: bytes.length });
  }

  @Get('openapi.json')
  json(): unknown {
    this.document ??= buildOpenApiDocument(registeredEndpoints(), GATEWAY_VERSION);
    return this.document;
  }
}

/** GET /api/v1: where a client starts, with links to the document, its viewer and health. */
@Public()
@Controller(API_PREFIX)
export class ApiIndexController {
  @Get()
  index() {
    return {
      name: 'Labor standards enforcement API',
      version: GATEWAY_VERSION,
      links: {
        openapi: { href: '/api/docs/openapi.json', type: 'application/json' },
        docs: { href: '/api/docs', type: 'text/html' },
        live: { href: '/health/live', type: 'application/json' },
        ready: { href: '/health/ready', type: 'application/json' },
        metrics: { href: '/metrics', type: 'text/plain' },
      },
    };
  }
}
