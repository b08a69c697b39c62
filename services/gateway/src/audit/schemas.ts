import { instant } from '@lse/contracts/src/fields';
import { z } from 'zod';

export const CaseIdParams = z.strictObject({ caseId: z.uuid() });
export const HistoryQuery = z.strictObject({ cursor: z.string().optional(), limit: z.string().optional() });
export const StateQuery = z.strictObject({ asOf: instant().optional() });
export const VerifyQuery = z.strictObject({ caseId: z.uuid().optional() });
export const HistoryPosition = z.strictObject({ position: z.int().nonnegative() });

export const HistoryEntrySchema = z.object({
  position: z.int(),
  eventId: z.uuid(),
  streamId: z.string(),
  category: z.string(),
  streamVersion: z.int(),
  type: z.string(),
  actor: z.object({ id: z.string(), role: z.string(), org: z.string().optional() }),
  occurredAt: z.string(),
  recordedAt: z.string(),
  correlationId: z.string(),
  causationId: z.string().optional(),
  sourceService: z.string(),
});

export const CaseStateSchema = z.object({
  caseId: z.uuid(),
  asOf: z.string(),
  open: z.boolean(),
  events: z.int(),
  streams: z.array(
    z.object({ streamId: z.string(), category: z.string(), version: z.int(), state: z.unknown() }),
  ),
  chain: z.object({ ok: z.boolean(), firstBroken: z.unknown().optional() }),
});

export const IntegrityReportSchema = z.object({
  ok: z.boolean(),
  scope: z.enum(['store', 'case']),
  caseId: z.uuid().optional(),
  streamsChecked: z.int(),
  eventsChecked: z.int(),
  checkpoint: z.object({ position: z.int(), merkleRoot: z.string(), takenAt: z.string() }).nullable(),
  firstBroken: z
    .object({
      streamId: z.string(),
      streamVersion: z.int(),
      globalPosition: z.int().nullable(),
      problem: z.string(),
    })
    .optional(),
});

export const SignedCheckpointSchema = z.object({
  payload: z.record(z.string(), z.unknown()),
  signature: z.object({
    algorithm: z.literal('Ed25519'),
    keyId: z.string(),
    publicKeyPem: z.string(),
    value: z.string(),
  }),
});
