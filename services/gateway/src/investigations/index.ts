import { Module, RequestMethod, type MiddlewareConsumer, type NestModule, type Type } from '@nestjs/common';
import { API_PREFIX } from '../openapi/endpoint';
import { InvestigationActionsController } from './investigation-actions.controller';
import { InvestigationUploadsController } from './investigation-uploads.controller';
import { InvestigationsController } from './investigations.controller';
import { WageRuleSetsController } from './wage-rule-sets.controller';
import { EvidenceBody, HoursCsvBody } from './uploads.middleware';

/** The investigation routes, served by the investigation service over NATS. */
export const INVESTIGATION_CONTROLLERS: Type[] = [
  InvestigationsController,
  InvestigationActionsController,
  InvestigationUploadsController,
  WageRuleSetsController,
];

/** Reads the bodies JSON parsing leaves alone: CSV hours and raw evidence, on their two routes only. */
@Module({})
export class InvestigationUploadsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HoursCsvBody).forRoutes({
      path: `${API_PREFIX}/cases/:caseId/investigation/hours-and-wages`,
      method: RequestMethod.POST,
    });
    consumer
      .apply(EvidenceBody)
      .forRoutes({ path: `${API_PREFIX}/cases/:caseId/investigation/evidence`, method: RequestMethod.POST });
  }
}
