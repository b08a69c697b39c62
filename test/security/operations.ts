import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A JSON Schema node as the gateway's OpenAPI document writes them (draft 2020-12 subset). */
export interface Schema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  operationId: string;
  method: string;
  /** OpenAPI path with `{param}` placeholders, e.g. /api/v1/complaints/{caseId}. */
  path: string;
  roles: string[];
  parameters: Parameter[];
  /** The JSON request body's schema, when the operation takes one. */
  body?: Schema;
}

export const OPENAPI_FILE = join(__dirname, '..', '..', 'services', 'gateway', 'openapi.json');

/**
 * Every authenticated operation of the committed OpenAPI document: the fuzz and the
 * authorization matrix iterate this list, so a new endpoint is covered by construction.
 * (The public health and metrics routes carry `security: []` and no operationId.)
 */
export function loadOperations(file = OPENAPI_FILE): Operation[] {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const security = op.security as unknown[] | undefined;
      if (Array.isArray(security) && security.length === 0) continue;
      const content = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)
        ?.content;
      ops.push({
        operationId: typeof op.operationId === 'string' ? op.operationId : `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        roles: (op['x-roles'] as string[] | undefined) ?? [],
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        body: content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

export const pathParams = (op: Operation) => op.parameters.filter((p) => p.in === 'path');
export const queryParams = (op: Operation) => op.parameters.filter((p) => p.in === 'query');

/** Fills `{name}` placeholders (values are URI-encoded unless `raw`). */
export function fillPath(op: Operation, values: Record<string, string>, raw = false): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`${op.operationId}: no value for path parameter ${name}`);
    return raw ? v : encodeURIComponent(v);
  });
}
