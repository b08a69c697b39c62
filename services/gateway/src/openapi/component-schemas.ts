/** The problem+json body every error answer has (RFC 9457, with the field errors of a 400/422). */
export const PROBLEM_SCHEMA = {
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

const link = {
  type: 'object',
  required: ['href', 'type'],
  properties: { href: { type: 'string' }, type: { type: 'string' } },
  additionalProperties: false,
};
/** What GET /api answers: the API's name, version and links to its documents and probes. */
export const API_INDEX_SCHEMA = {
  type: 'object',
  required: ['name', 'version', 'links'],
  properties: {
    name: { type: 'string' },
    version: { type: 'string' },
    links: {
      type: 'object',
      required: ['openapi', 'docs', 'live', 'ready', 'metrics'],
      properties: { openapi: link, docs: link, live: link, ready: link, metrics: link },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};
