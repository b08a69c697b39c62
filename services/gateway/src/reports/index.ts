import type { Type } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';

/** Reports that put several services' read models together. */
export const REPORT_CONTROLLERS: Type[] = [DashboardController];
