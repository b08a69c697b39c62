import { CompileFoiaInput, OverrideRedactionInput, ReceiveFoiaRequestInput } from '@lse/contracts';
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
  packageSha256: z.string().optional(),
  version: z.int(),
});
export const VersionSchema = z.object({ requestId: z.uuid(), version: z.int() });
export const FoiaPackageResultSchema = z.object({
  requestId: z.uuid(),
  version: z.int().optional(),
  sha256: z
    .string()
    .describe('SHA-256 of the canonical JSON package: the same request and cut-off give the same digest.'),
  htmlSha256: z.string(),
  package: z.record(z.string(), z.unknown()),
});
