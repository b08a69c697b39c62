import { z } from 'zod';

/** The path of every route under a case: `/…/:caseId/…`. */
export const CaseIdParams = z.strictObject({ caseId: z.uuid() });
export type CaseIdParams = z.infer<typeof CaseIdParams>;
