import { join } from 'node:path';
import { GATEWAY_VERSION } from '../version';
import { buildOpenApiDocument } from './document';
import { registeredEndpoints } from './endpoint';
// Importing the application declares every route it serves.
import '../app.module';

export const OPENAPI_FILE = join(__dirname, '..', '..', 'openapi.json');

/** The gateway's OpenAPI document as committed in services/gateway/openapi.json. */
export function gatewayOpenApiDocument() {
  return buildOpenApiDocument(registeredEndpoints(), GATEWAY_VERSION);
}

const PRINT_WIDTH = 110;

/**
 * JSON laid out the way Prettier lays it out (objects one key per line, arrays of plain values on
 * one line when they fit), so `npm run format` leaves the committed file as the test expects.
 */
export function serializeDocument(doc: unknown): string {
  return layout(doc, '', '', '') + '\n';
}

function layout(value: unknown, indent: string, lead: string, trail: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const plain = value.every((v) => v === null || typeof v !== 'object');
    const inline = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    if (plain && indent.length + lead.length + inline.length + trail.length <= PRINT_WIDTH) return inline;
    const inner = indent + '  ';
    const items = value.map((v, i) => inner + layout(v, inner, '', i < value.length - 1 ? ',' : ''));
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    const lines = entries.map(([k, v], i) => {
      const key = `${JSON.stringify(k)}: `;
      return inner + key + layout(v, inner, key, i < entries.length - 1 ? ',' : '');
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
