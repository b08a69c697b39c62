import { z } from 'zod';
import { pub } from '../classification';
import { defineEvent } from '../registry';
import { instant } from '../fields';
import { INTEGRITY_CATEGORY, SHA256_HEX } from './parts';

/**
 * A Merkle root over every stream's head (id, version, hash) as of a global position: deleting
 * or truncating events that it covers is detectable even when the stream heads are rewritten too.
 */
export const IntegrityCheckpointRecorded = defineEvent({
  type: 'IntegrityCheckpointRecorded',
  category: INTEGRITY_CATEGORY,
  version: 1,
  schema: z.strictObject({
    // Every event of a transaction below this id (xid8) is covered; no new one can ever join them
    // (per stream, transaction order is version order), so the heads below it are fixed.
    txBound: pub(z.string().regex(/^\d+$/)),
    // The highest global position covered.
    position: pub(z.int().nonnegative()),
    streams: pub(z.int().nonnegative()),
    events: pub(z.int().nonnegative()),
    merkleRoot: pub(z.string().regex(SHA256_HEX)),
    // The checkpoint before it (empty for the first): checkpoints chain too.
    previousRoot: pub(z.union([z.literal(''), z.string().regex(SHA256_HEX)])),
    takenAt: pub(instant()),
  }),
});
export type IntegrityCheckpointRecorded = z.infer<typeof IntegrityCheckpointRecorded.schema>;
