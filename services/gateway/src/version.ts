import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The gateway package version; it is the API document's version. */
export const GATEWAY_VERSION = (
  JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;
