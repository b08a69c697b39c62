import { InvestigationCommandReply } from '@lse/contracts';
import { actionsOf } from '../http/case-action';
import { CaseIdParams } from '../http/params';
import { INVESTIGATION_OPENED_BY_REACTION } from '../openapi/eventual';
import { INVESTIGATION_WRITERS } from './roles';

/** An action on an investigation: POST /cases/:caseId/investigation/<path>. */
export const investigationAction = actionsOf({
  base: 'cases/:caseId/investigation',
  params: CaseIdParams,
  tags: ['investigations'],
  roles: INVESTIGATION_WRITERS,
  reply: InvestigationCommandReply,
  eventual: INVESTIGATION_OPENED_BY_REACTION,
});
