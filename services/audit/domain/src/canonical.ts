import { createHash } from 'node:crypto';

/*
 * Canonical JSON, the same rules as the event store's (@lse/canonical-json): a FOIA package's
 * digest must not depend on key order or formatting.
 */
export { canonicalJson } from '@lse/canonical-json';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
