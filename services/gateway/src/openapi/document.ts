import { PROBLEM_CONTENT_TYPE } from '@lse/service-kit';
import { z } from 'zod';
import { API_PREFIX, EndpointSpec } from './endpoint';

type Json = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Json;
  return rest;
};

const problemRef = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: {
      type: 'string',
      format: 'uri',
      description: 'Stable problem type, e.g. https://lse.example/problems/validation',
    },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

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
        schema: jsonSchema(schema as z.ZodType, 'input'),
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

function operation(spec: EndpointSpec): Json {
  const success: Json = { description: spec.response.description };
  if (spec.response.schema)
    success.content = { 'application/json': { schema: jsonSchema(spec.response.schema, 'output') } };
  if (spec.versioned)
    success.headers = { ETag: { description: 'The stream version: "7".', schema: { type: 'string' } } };
  const responses: Json = {
    [spec.response.status]: success,
    400: problemRef('Invalid request (validation errors are listed in `errors`).'),
    401: problemRef('Missing or invalid bearer token.'),
    403: problemRef('The role does not allow this.'),
    429: problemRef('Rate limit exceeded.'),
    503: problemRef('A service or the message bus is unavailable.'),
    504: problemRef('A service did not answer in time.'),
  };
  if (spec.method === 'POST') {
    responses[409] = problemRef('Conflict, or a request with the same Idempotency-Key is still in progress.');
    responses[413] = problemRef('Request body too large.');
    const accepted = ['application/json', ...(spec.otherBodies ?? []).map((b) => b.mediaType)];
    responses[415] = problemRef(
      accepted.includes('*/*')
        ? 'A JSON body in a charset other than UTF-8.'
        : `Content-Type is not ${accepted.join(' or ')}, or a charset other than UTF-8.`,
    );
    responses[422] = problemRef(
      'Not allowed in the current state, or Idempotency-Key reused with another body.',
    );
  }
  const op: Json = {
    operationId: spec.operationId,
    summary: spec.summary,
    tags: spec.tags ?? [],
    security: [{ bearer: [] }],
    'x-roles': spec.roles,
    parameters: parameters(spec),
    responses,
  };
  if (spec.body) {
    const content: Json = { 'application/json': { schema: jsonSchema(spec.body, 'input') } };
    for (const other of spec.otherBodies ?? [])
      content[other.mediaType] = { schema: { ...other.schema, description: other.description } };
    op.requestBody = { required: true, content };
  }
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
        'Errors are application/problem+json (RFC 9457). Every route needs a bearer JWT and one of its x-roles, except health and metrics.',
    },
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: { Problem: PROBLEM_SCHEMA },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
