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

export const serializeDocument = (doc: unknown) => JSON.stringify(doc, null, 2) + '\n';
