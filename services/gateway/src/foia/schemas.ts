import {
  CompileFoiaInput,
  FoiaRequestReceived,
  FoiaResponseReleased,
  OverrideRedactionInput,
  ReceiveFoiaRequestInput,
  RecordsCompiled,
  RedactionOverridden,
} from '@lse/contracts';
import { z } from 'zod';

export const RequestIdParams = z.strictObject({ requestId: z.uuid() });
export const ListQuery = z.strictObject({
  status: z.enum(['received', 'released']).optional(),
  cursor: z.string().optional(),
  limit: z.string().optional(),
});
export const ListPosition = z.strictObject({ at: z.string().min(1).max(64), requestId: z.uuid() });
export const PackageQuery = z.strictObject({ format: z.enum(['json', 'html']).optional() });
export { CompileFoiaInput, OverrideRedactionInput, ReceiveFoiaRequestInput };

export const FoiaRequestItemSchema = z.object({
  requestId: z.uuid(),
  status: z.string(),
  caseIds: z.array(z.uuid()),
  requesterOrganization: z.string().optional(),
  receivedAt: z.string(),
  overrides: z.int(),
  cutoff: z
    .string()
    .optional()
    .describe("The release's cut-off once released, else the latest compilation's; absent before the first."),
  packageSha256: z.string().optional(),
  version: z.int(),
});
export const VersionSchema = z.object({ requestId: z.uuid(), version: z.int() });
/** The package as released: every record up to the cut-off, classified fields withheld. */
export const FoiaPackageSchema = z.object({
  format: z.literal('lse-foia-package/1'),
  requestId: z.uuid(),
  jurisdiction: z.string(),
  law: z.string(),
  cutoff: z.string(),
  cases: z.array(
    z.object({
      caseId: z.uuid(),
      openAtCutoff: z.boolean(),
      records: z.array(
        z.object({
          eventId: z.string(),
          streamId: z.string(),
          streamVersion: z.int(),
          type: z.string(),
          recordedAt: z.string(),
          data: z.record(z.string(), z.unknown()),
          metadata: z.record(z.string(), z.unknown()),
        }),
      ),
    }),
  ),
  redactionLog: z
    .array(
      z.object({
        n: z.int(),
        caseId: z.uuid(),
        eventId: z.string(),
        path: z.string(),
        classification: z.string(),
        exemptions: z.array(z.string()),
        released: z.boolean(),
      }),
    )
    .describe('Every withheld field; `eventId` and `path` are what POST .../overrides takes.'),
  exemptions: z.record(z.string(), z.string()),
  summary: z.object({ records: z.int(), withheld: z.int(), released: z.int() }),
});

/** A FOIA request: what was asked, each compilation, the redaction sets, overrides, the release. */
export const FoiaRequestViewSchema = z.object({
  requestId: z.uuid(),
  version: z.int(),
  status: z.enum(['received', 'released']),
  request: FoiaRequestReceived.schema,
  compilations: z.array(RecordsCompiled.schema),
  redactionSets: z.array(
    z.object({ cutoff: z.string(), redactionLogSha256: z.string(), parts: z.int(), redactions: z.int() }),
  ),
  overrides: z.array(RedactionOverridden.schema),
  release: FoiaResponseReleased.schema.optional(),
});

export const FoiaPackageResultSchema = z.object({
  requestId: z.uuid(),
  version: z.int().optional(),
  sha256: z
    .string()
    .describe('SHA-256 of the canonical JSON package: the same request and cut-off give the same digest.'),
  htmlSha256: z.string(),
  package: FoiaPackageSchema,
  warnings: z
    .array(z.string())
    .describe(
      'What to check before releasing: an empty package, or a requested case with no records at or before the cut-off (with the cut-off that would include it).',
    ),
});
