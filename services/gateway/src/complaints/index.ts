import type { Type } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { ComplaintActionsController } from './complaint-actions.controller';
import { ComplaintsController } from './complaints.controller';

/** The complaint and case routes, served by intake over NATS. */
export const COMPLAINT_CONTROLLERS: Type[] = [
  ComplaintsController,
  ComplaintActionsController,
  CasesController,
];
