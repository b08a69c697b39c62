import type { Type } from '@nestjs/common';
import { FoiaController } from './foia.controller';
import { FoiaLifecycleController } from './foia-lifecycle.controller';

/** The FOIA officer's routes, served by audit over NATS. */
export const FOIA_CONTROLLERS: Type[] = [FoiaController, FoiaLifecycleController];
