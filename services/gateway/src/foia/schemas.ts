import {
  CompileFoiaInput,
  ExtendFoiaDeadlineInput,
  FOIA_STATUSES,
  OverrideRedactionInput,
  ReceiveFoiaRequestInput,
  ReleaseFoiaInput,
  ResumeFoiaClockInput,
  TollFoiaClockInput,
} from '@lse/contracts';
import { z } from 'zod';
import { PAGE_QUERY } from '../http/pagination';

export const RequestIdParams = z.strictObject({ requestId: z.uuid() });
export const ListQuery = z.strictObject({
  status: z.enum(FOIA_STATUSES).optional(),
  ...PAGE_QUERY,
});
export const ListPosition = z.strictObject({ at: z.string().min(1).max(64), requestId: z.uuid() });
export const PackageQuery = z.strictObject({ format: z.enum(['json', 'html']).optional() });
export {
  CompileFoiaInput,
  ExtendFoiaDeadlineInput,
  OverrideRedactionInput,
  ReceiveFoiaRequestInput,
  ReleaseFoiaInput,
  ResumeFoiaClockInput,
  TollFoiaClockInput,
};
