import { PROBLEM_CONTENT_TYPE } from '@lse/service-kit';
import { z } from 'zod';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../http/pagination';
import { API_PREFIX, EndpointSpec } from './endpoint';
import { API_INDEX_SCHEMA, PROBLEM_SCHEMA } from './component-schemas';

type Json = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Json;
  return rest;
};

const problemRef = (description: string): Json => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

function parameters(spec: EndpointSpec): Json[] {
  const list: Json[] = [];
  for (const [where, object] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!object) continue;
    for (const [name, schema] of Object.entries(object.shape)) {
      list.push({
        name,
        in: where,
        required: where === 'path' || !(schema as z.ZodType).safeParse(undefined).success,
        // Query strings are text on the wire; the page size is read as a number (parsePageQuery).
        schema:
          where === 'query' && name === 'limit'
            ? { type: 'integer', minimum: 1, maximum: spec.pageLimit ?? MAX_LIMIT, default: DEFAULT_LIMIT }
            : where === 'query' && name === 'cursor'
              ? { type: 'string', description: 'The `nextCursor` of the previous page, as it was given.' }
              : jsonSchema(schema as z.ZodType, 'input'),
      });
    }
  }
  if (spec.method === 'POST') {
    list.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Optional; when present, a retry with the same key and body returns the first response (Idempotency-Replayed: true) and does nothing again. Keys live 24 hours per subject.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  if (spec.versioned && spec.method !== 'GET') {
    list.push({
      name: 'If-Match',
      in: 'header',
      required: false,
      description: 'The stream version the change expects, as a strong ETag: "7".',
      schema: { type: 'string' },
    });
  }
  return list;
}

/** Retry-After on the 404 of a resource another service creates by reacting to an event. */
const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before asking again: the reacting service has not caught up yet.',
    schema: { type: 'integer', minimum: 1 },
  },
};

function operation(spec: EndpointSpec): Json {
  const success: Json = { description: spec.response.description };
  const content: Json = {};
  if (spec.response.schema)
    content['application/json'] = { schema: jsonSchema(spec.response.schema, 'output') };
  for (const [mediaType, other] of Object.entries(spec.response.otherContent ?? {}))
    content[mediaType] = other;
  if (Object.keys(content).length > 0) success.content = content;
  if (spec.versioned)
    success.headers = { ETag: { description: 'The stream version: "7".', schema: { type: 'string' } } };
  if (spec.response.headers)
    success.headers = { ...(success.headers as Json | undefined), ...spec.response.headers };
  if (spec.response.links) success.links = spec.response.links;
  if (spec.public) return publicOperation(spec, success);
  const hasPath = spec.params && Object.keys(spec.params.shape).length > 0;
  const writes = spec.method !== 'GET';
  const responses: Json = {
    [spec.response.status]: success,
    400: problemRef(
      'Invalid request: `errors` names each invalid field (body, query or path parameter)' +
        (spec.query && 'limit' in spec.query.shape
          ? '; `invalid-cursor` for a cursor or limit out of range'
          : '') +
        (spec.versioned && writes ? '; `invalid-if-match` for an If-Match that is not one strong ETag' : '') +
        '.',
    ),
    401: problemRef('Missing or invalid bearer token.'),
    403: problemRef('The role does not allow this.'),
    429: problemRef('Rate limit exceeded (`RATE_LIMIT` requests per subject per window).'),
    503: problemRef('A service or the message bus is unavailable; nothing was done, retry later.'),
    504: problemRef(
      'A service did not answer in time (`SERVICE_TIMEOUT_MS`); retry with the same Idempotency-Key.',
    ),
  };
  if (hasPath) {
    const notFound = problemRef(
      spec.eventual
        ? `Not there (yet): ${spec.eventual} Until then this answers 404 with Retry-After; ask again after it.`
        : "Nothing exists under this id (a partner user gets the same answer for another organization's record).",
    );
    if (spec.eventual) notFound.headers = RETRY_AFTER;
    responses[404] = notFound;
  }
  if (writes) {
    responses[409] = problemRef(
      (spec.versioned ? 'If-Match is stale (`concurrency-conflict`: someone changed it since), ' : '') +
        'or a request with the same Idempotency-Key is still in progress (`request-in-progress`).',
    );
    responses[413] = problemRef(
      'Request body too large (`BODY_LIMIT_BYTES`), or too large to record as one event.',
    );
    const accepted = ['application/json', ...(spec.otherBodies ?? []).map((b) => b.mediaType)];
    responses[415] = problemRef(
      accepted.includes('*/*')
        ? 'A JSON body in a charset other than UTF-8.'
        : `Content-Type is not ${accepted.join(' or ')}, or a charset other than UTF-8.`,
    );
    responses[422] = problemRef(
      'Not allowed in the current state (`invalid-transition`), or Idempotency-Key reused with another body (`idempotency-key-reused`).',
    );
  }
  for (const [status, description] of Object.entries(spec.errors ?? {})) {
    const existing = responses[status] as Json | undefined;
    responses[status] = problemRef(
      existing ? `${existing.description as string} Also: ${description}` : description,
    );
    if (existing?.headers) (responses[status] as Json).headers = existing.headers;
  }
  const op: Json = {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description || spec.eventual
      ? {
          description: [spec.description, spec.eventual && `Eventual: ${spec.eventual}`]
            .filter(Boolean)
            .join('\n\n'),
        }
      : {}),
    tags: spec.tags ?? [],
    security: [{ bearer: [] }],
    'x-roles': spec.roles,
    parameters: parameters(spec),
    responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b))),
  };
  if (spec.body) {
    const content: Json = { 'application/json': { schema: jsonSchema(spec.body, 'input') } };
    for (const other of spec.otherBodies ?? [])
      content[other.mediaType] = { schema: { ...other.schema, description: other.description } };
    op.requestBody = { required: true, content };
  }
  return op;
}

/**
 * A route reachable without a token: no 401, 403 or per-subject 429, and no service behind it
 * (no 503/504). Only what its input can cause: 400 for a bad body or query, 413 and 415 for a body,
 * 404 where it exists only in development mode.
 */
function publicOperation(spec: EndpointSpec, success: Json): Json {
  const responses: Json = { [spec.response.status]: success };
  if (spec.body || spec.query || spec.params)
    responses[400] = problemRef('Invalid request: `errors` names each invalid field.');
  if (spec.body) {
    responses[413] = problemRef('Request body too large (`BODY_LIMIT_BYTES`).');
    responses[415] = problemRef('Content-Type is not application/json, or a charset other than UTF-8.');
  }
  if (spec.developmentOnly)
    responses[404] = problemRef(
      'This gateway verifies real tokens (AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE): the route does not exist here.',
    );
  for (const [status, description] of Object.entries(spec.errors ?? {})) {
    const existing = responses[status] as Json | undefined;
    responses[status] = problemRef(
      existing ? `${existing.description as string} Also: ${description}` : description,
    );
  }
  const description = [
    spec.description,
    spec.developmentOnly &&
      'Only in development mode (AUTH_MODE=development); a gateway that verifies real tokens answers 404.',
  ]
    .filter(Boolean)
    .join('\n\n');
  const op: Json = {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(description ? { description } : {}),
    tags: spec.tags ?? [],
    security: [],
    parameters: parameters(spec).filter((p) => p.name !== 'Idempotency-Key'),
    responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b))),
  };
  if (spec.body)
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } },
    };
  return op;
}

const openApiPath = (path: string) => `/${API_PREFIX}/${path.replace(/^\//, '')}`.replace(/:(\w+)/g, '{$1}');

const publicGet = (summary: string, description: string, content: Json) => ({
  get: { summary, security: [], tags: ['operations'], responses: { 200: { description, content } } },
});

/** The OpenAPI 3.1 document of the declared endpoints. Deterministic: no dates, sorted paths. */
export function buildOpenApiDocument(endpoints: EndpointSpec[], version: string): Json {
  const paths: Record<string, Json> = {
    '/health/live': publicGet('Liveness', 'The process is up.', {
      'application/json': { schema: { type: 'object' } },
    }),
    '/health/ready': {
      get: {
        summary: 'Readiness: PostgreSQL and NATS',
        security: [],
        tags: ['operations'],
        responses: {
          200: {
            description: 'Every check passed.',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          503: {
            description: 'A check failed; the body names it.',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      },
    },
    '/metrics': publicGet('Prometheus metrics', 'Prometheus text format.', {
      'text/plain': { schema: { type: 'string' } },
    }),
    [`/${API_PREFIX}`]: publicGet(
      'Where to start: links to this document, its viewer (/api/docs) and the health endpoints',
      'The API index.',
      { 'application/json': { schema: API_INDEX_SCHEMA } },
    ),
  };
  for (const spec of endpoints) {
    const path = openApiPath(spec.path);
    paths[path] = { ...(paths[path] ?? {}), [spec.method.toLowerCase()]: operation(spec) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Labor standards enforcement API',
      version,
      description:
        'Errors are application/problem+json (RFC 9457). Every route needs a bearer JWT and one of its x-roles, except health, metrics and those marked `security: []` (what a browser needs before it signs in).',
    },
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: { Problem: PROBLEM_SCHEMA },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
