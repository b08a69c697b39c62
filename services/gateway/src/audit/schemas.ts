import { instant } from '@lse/contracts/src/fields';
import { z } from 'zod';
import { PAGE_QUERY } from '../http/pagination';

export const HistoryQuery = z.strictObject(PAGE_QUERY);
export const StateQuery = z.strictObject({ asOf: instant().optional() });
export const VerifyQuery = z.strictObject({ caseId: z.uuid().optional() });
export const HistoryPosition = z.strictObject({ position: z.int().nonnegative() });
