import type { Type } from '@nestjs/common';
import { AgreementsController } from './agreements.controller';
import { PartnersController } from './partners.controller';
import { ReferralsController } from './referrals.controller';

/** The partner routes, served by the partners service over NATS. */
export const PARTNER_CONTROLLERS: Type[] = [PartnersController, AgreementsController, ReferralsController];
