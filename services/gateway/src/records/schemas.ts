import { z } from 'zod';
import { PAGE_QUERY } from '../http/pagination';

export { LiftLegalHoldInput, PlaceLegalHoldInput, RetentionDuePosition } from '@lse/contracts';

export const HoldParams = z.strictObject({ caseId: z.uuid(), holdId: z.uuid() });
export const ReportsQuery = z.strictObject({ ...PAGE_QUERY });
export const ReportsPosition = z.strictObject({ version: z.int().positive() });
export const DueQuery = z.strictObject({ ...PAGE_QUERY });
