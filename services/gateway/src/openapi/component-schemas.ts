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
        properties: {
          path: { type: 'string', description: 'Dotted path into the body, query or path, e.g. `caseIds.0`' },
          message: { type: 'string', description: 'What to do, in English' },
          code: {
            type: 'string',
            description:
              'What is wrong, for a client to say in its own language (absent for a rule with its own message)',
            enum: [
              'required',
              'too_short',
              'too_long',
              'too_few',
              'too_many',
              'too_small',
              'too_big',
              'invalid_format',
              'invalid_option',
              'invalid_type',
              'unknown_field',
            ],
          },
          limit: { type: 'number', description: 'The bound of a size code (characters, items, the number)' },
          inclusive: {
            type: 'boolean',
            description:
              'false when the bound itself is refused (too_small: more than limit; too_big: less than limit)',
          },
          format: { type: 'string', description: 'invalid_format: email, uuid, date or datetime' },
          options: {
            type: 'array',
            items: { type: 'string' },
            description: 'invalid_option: the values allowed',
          },
        },
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
