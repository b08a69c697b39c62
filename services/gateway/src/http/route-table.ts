import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import {
  ERROR_CODES,
  ProblemException,
  problemType,
  type HttpRequest,
  type HttpResponse,
} from '@lse/service-kit';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { API_PREFIX, registeredEndpoints, type EndpointSpec } from '../openapi/endpoint';

interface Route {
  spec: EndpointSpec;
  pattern: RegExp;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Express matches paths case-insensitively and with an optional trailing slash; so does this. */
const patternOf = (path: string) =>
  new RegExp(
    `^/${API_PREFIX}/` +
      path
        .split('/')
        .map((segment) => (segment.startsWith(':') ? '[^/]+' : escapeRegExp(segment)))
        .join('/') +
      '/?$',
    'i',
  );

const mediaTypeOf = (req: HttpRequest) =>
  String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();

const isJson = (type: string) => type === 'application/json' || /^application\/[^/]+\+json$/.test(type);

/** The media types an endpoint's body may come in: JSON, plus its declared other bodies. */
function accepts(spec: EndpointSpec, type: string): boolean {
  if (isJson(type)) return true;
  return (spec.otherBodies ?? []).some(
    ({ mediaType }) => mediaType === '*/*' || mediaType.toLowerCase() === type,
  );
}

/** A request carries a body when it says so (RFC 9112 section 6.3); an empty one is left to validation. */
const hasBody = (req: HttpRequest) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * What the declared endpoints (the same table the OpenAPI document is made from) say about a
 * request before any guard or handler runs:
 * - a known path with a method it does not serve is a 405 with `Allow` (RFC 9110 section 15.5.6),
 *   not the 404 of a path that does not exist;
 * - a body in a media type the endpoint does not take is a 415, as the document says, instead of
 *   being left unparsed and reported as missing fields.
 * Paths no endpoint declares (health, metrics, /api/docs) pass through untouched, and so do those
 * of development-only endpoints outside development mode: there they do not exist (404).
 */
@Injectable()
export class RouteTableMiddleware implements NestMiddleware {
  private readonly routes: Route[];

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    const development = config.AUTH_MODE === 'development';
    this.routes = registeredEndpoints()
      .filter((spec) => development || !spec.developmentOnly)
      .map((spec) => ({ spec, pattern: patternOf(spec.path) }));
  }

  use(req: HttpRequest, _res: HttpResponse, next: () => void): void {
    // HEAD is served by GET routes; OPTIONS is left to whatever answers it.
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (method === 'OPTIONS') return next();
    const path = (req.originalUrl ?? req.url).split('?')[0];
    const matching = this.routes.filter((r) => r.pattern.test(path));
    if (matching.length === 0) return next();
    // A literal segment and a parameter can both match (agreements/expiry-check, agreements/:id):
    // any route serving the method lets the request through to the router.
    const served = matching.filter((r) => r.spec.method === method);
    if (served.length === 0) {
      const allow: string[] = [...new Set(matching.map((r) => r.spec.method))].sort();
      if (allow.includes('GET')) allow.push('HEAD');
      throw new ProblemException(
        {
          type: problemType(ERROR_CODES.method_not_allowed.slug),
          title: ERROR_CODES.method_not_allowed.title,
          status: 405,
          detail: `${method} is not served here; allowed: ${allow.join(', ')}.`,
        },
        { Allow: allow.join(', ') },
      );
    }
    const withBody = served.filter((r) => r.spec.body);
    if (withBody.length > 0 && hasBody(req)) {
      const type = mediaTypeOf(req);
      if (!withBody.some((r) => accepts(r.spec, type))) {
        const accepted = [
          'application/json',
          ...withBody.flatMap((r) => (r.spec.otherBodies ?? []).map((b) => b.mediaType)),
        ];
        throw new ProblemException({
          type: problemType(ERROR_CODES.unsupported_media_type.slug),
          title: ERROR_CODES.unsupported_media_type.title,
          status: 415,
          detail: `Content-Type ${type.slice(0, 100) || '(none)'} is not accepted here; send ${[...new Set(accepted)].join(' or ')}.`,
        });
      }
    }
    next();
  }
}
