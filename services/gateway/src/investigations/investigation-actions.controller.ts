import { Headers, Param, Res } from '@nestjs/common';
import {
  AddEmployerInput,
  ApproveDeterminationInput,
  AssessCivilPenaltyInput,
  AssignInvestigatorInput,
  CloseInvestigationInput,
  ReopenInvestigationInput,
  ComputeBackWagesInput,
  FindViolationInput,
  FlagRetaliationInput,
  INVESTIGATION_PATTERNS,
  IssueDeterminationInput,
  IssueImmigrationLetterInput,
  IssueSubpoenaInput,
  ProposeDeterminationInput,
  ReceiveRecordsInput,
  RecordInterviewInput,
  RequestImmigrationLetterInput,
  RequestRecordsInput,
} from '@lse/contracts';
import type { HttpResponse } from '@lse/service-kit';
import type { z } from 'zod';
import type { Role } from '../auth/roles';
import { etagFor, parseIfMatch } from '../http/etag';
import { ValidBody, ZodPipe } from '../http/zod.pipe';
import { ApiController, Endpoint, type EndpointSpec } from '../openapi/endpoint';
import { INVESTIGATION_OPENED_BY_REACTION } from '../openapi/eventual';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { DETERMINATION_PROPOSERS, INVESTIGATION_SUPERVISORS, INVESTIGATION_WRITERS } from './roles';
import { CaseIdParams, InvestigationCommandResultSchema } from './schemas';

export type InvestigationCommandResult = z.infer<typeof InvestigationCommandResultSchema>;
type Params = z.infer<typeof CaseIdParams>;

/** One action on an investigation: POST /cases/:caseId/investigation/<path>, If-Match = expected version. */
export const investigationAction = (
  operationId: string,
  path: string,
  summary: string,
  body: z.ZodType,
  roles: Role[] = INVESTIGATION_WRITERS,
  upload?: Pick<EndpointSpec, 'query' | 'otherBodies' | 'description'>,
) =>
  Endpoint({
    operationId,
    method: 'POST',
    path: `cases/:caseId/investigation/${path}`,
    summary,
    tags: ['investigations'],
    roles,
    params: CaseIdParams,
    body,
    ...upload,
    eventual: INVESTIGATION_OPENED_BY_REACTION,
    response: {
      status: 200,
      description: 'Done; ETag is the new stream version.',
      schema: InvestigationCommandResultSchema,
    },
    versioned: true,
  });

/** Sends one command to the investigation service and sets the new ETag. */
export async function sendInvestigationCommand(
  services: ServicesClient,
  pattern: string,
  { caseId }: Params,
  input: unknown,
  ifMatch: string | undefined,
  ctx: CallContext,
  res: HttpResponse,
): Promise<InvestigationCommandResult> {
  const expectedVersion = parseIfMatch(ifMatch);
  const data = { caseId, input, ...(expectedVersion !== undefined ? { expectedVersion } : {}) };
  const result = await services.call<InvestigationCommandResult>(pattern, data, ctx);
  res.setHeader('ETag', etagFor(result.version));
  return result;
}

/**
 * The investigation's commands. Each is one request to the investigation service; If-Match guards
 * against acting on an investigation someone else changed meanwhile (409).
 */
@ApiController()
export class InvestigationActionsController {
  constructor(private readonly services: ServicesClient) {}

  private send(
    verb: keyof typeof INVESTIGATION_PATTERNS,
    p: Params,
    body: unknown,
    ifMatch: string | undefined,
    ctx: CallContext,
    res: HttpResponse,
  ) {
    return sendInvestigationCommand(this.services, INVESTIGATION_PATTERNS[verb], p, body, ifMatch, ctx, res);
  }

  @investigationAction(
    'assignInvestigator',
    'assignment',
    'Assign or reassign the investigator (supervisors)',
    AssignInvestigatorInput,
    INVESTIGATION_SUPERVISORS,
  )
  assign(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(AssignInvestigatorInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('assign', p, body, ifMatch, ctx, res);
  }

  @investigationAction(
    'addEmployer',
    'employers',
    'Add an employer with its liability role (direct, joint, successor, client, contractor) and basis',
    AddEmployerInput,
    INVESTIGATION_WRITERS,
    {
      description:
        "The answer's `id` is the employer id: hours and wages name it as `employerId`, and once a determination is issued the collection case lists the employer under its `debtors` with the same id as `debtorId`.",
    },
  )
  addEmployer(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(AddEmployerInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('addEmployer', p, body, ifMatch, ctx, res);
  }

  @investigationAction(
    'recordInterview',
    'interviews',
    'Record an interview (interviewee role, language, interpreter, trauma-informed protocol, confidential source)',
    RecordInterviewInput,
  )
  recordInterview(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(RecordInterviewInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('recordInterview', p, body, ifMatch, ctx, res);
  }

  @investigationAction(
    'requestRecords',
    'records-requests',
    'Request records from an employer',
    RequestRecordsInput,
  )
  requestRecords(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(RequestRecordsInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('requestRecords', p, body, ifMatch, ctx, res);
  }

  @investigationAction(
    'receiveRecords',
    'records-receipts',
    'Record records received for a request',
    ReceiveRecordsInput,
  )
  receiveRecords(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(ReceiveRecordsInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('receiveRecords', p, body, ifMatch, ctx, res);
  }

  @investigationAction('issueSubpoena', 'subpoenas', 'Issue a subpoena', IssueSubpoenaInput)
  issueSubpoena(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(IssueSubpoenaInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('issueSubpoena', p, body, ifMatch, ctx, res);
  }

  @investigationAction(
    'computeBackWages',
    'back-wage-computations',
    'Compute back wages over the recorded hours with @lse/wage-rules rule sets (e.g. US-FLSA, US-CA); each workweek rounded once, half up',
    ComputeBackWagesInput,
  )
  computeBackWages(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(ComputeBackWagesInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('computeBackWages', p, body, ifMatch, ctx, res);
  }

  @investigationAction('findViolation', 'violations', 'Record a violation found', FindViolationInput)
  findViolation(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(FindViolationInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('findViolation', p, body, ifMatch, ctx, res);
  }

  @investigationAction(
    'flagRetaliationConcern',
    'retaliation-concerns',
    'Flag a retaliation concern',
    FlagRetaliationInput,
  )
  flagRetaliation(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(FlagRetaliationInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('flagRetaliation', p, body, ifMatch, ctx, res);
  }

  @investigationAction(
    'requestImmigrationLetter',
    'immigration-letter-requests',
    'Record a request for an immigration support letter (U/T visa certification, deferred action)',
    RequestImmigrationLetterInput,
  )
  requestImmigrationLetter(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(RequestImmigrationLetterInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('requestImmigrationLetter', p, body, ifMatch, ctx, res);
  }

  @investigationAction(
    'issueImmigrationLetter',
    'immigration-letters',
    'Sign and issue a requested immigration support letter (supervisors)',
    IssueImmigrationLetterInput,
    INVESTIGATION_SUPERVISORS,
  )
  issueImmigrationLetter(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(IssueImmigrationLetterInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('issueImmigrationLetter', p, body, ifMatch, ctx, res);
  }

  @investigationAction(
    'assessCivilPenalty',
    'civil-penalties',
    'Assess a civil penalty',
    AssessCivilPenaltyInput,
  )
  assessCivilPenalty(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(AssessCivilPenaltyInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('assessCivilPenalty', p, body, ifMatch, ctx, res);
  }

  @investigationAction(
    'proposeDetermination',
    'determination/proposal',
    'Propose the determination (the assigned investigator)',
    ProposeDeterminationInput,
    DETERMINATION_PROPOSERS,
  )
  propose(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(ProposeDeterminationInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('proposeDetermination', p, body, ifMatch, ctx, res);
  }

  @investigationAction(
    'approveDetermination',
    'determination/approval',
    'Approve the proposed determination (a supervisor other than the proposing investigator)',
    ApproveDeterminationInput,
    INVESTIGATION_SUPERVISORS,
  )
  approve(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(ApproveDeterminationInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('approveDetermination', p, body, ifMatch, ctx, res);
  }

  @investigationAction(
    'issueDetermination',
    'determination/issue',
    'Issue the approved determination (amounts owed per worker go to collections)',
    IssueDeterminationInput,
  )
  issue(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(IssueDeterminationInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('issueDetermination', p, body, ifMatch, ctx, res);
  }

  @investigationAction(
    'closeInvestigation',
    'closure',
    'Close the investigation (supervisors); nothing is appended afterwards but its reopening',
    CloseInvestigationInput,
    INVESTIGATION_SUPERVISORS,
  )
  close(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(CloseInvestigationInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('close', p, body, ifMatch, ctx, res);
  }

  @investigationAction(
    'reopenInvestigation',
    'reopening',
    'Reopen a closed investigation (supervisors) with the reason (new evidence) and a note',
    ReopenInvestigationInput,
    INVESTIGATION_SUPERVISORS,
  )
  reopen(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @ValidBody(ReopenInvestigationInput) body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    return this.send('reopen', p, body, ifMatch, ctx, res);
  }
}
