/** Rewrites services/gateway/openapi.json from the declared endpoints: npm run openapi */
import '@lse/service-kit/src/runtime/require-supported-node';
import { writeFileSync } from 'node:fs';
import { gatewayOpenApiDocument, OPENAPI_FILE, serializeDocument } from '../openapi/openapi';

writeFileSync(OPENAPI_FILE, serializeDocument(gatewayOpenApiDocument()));
process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
