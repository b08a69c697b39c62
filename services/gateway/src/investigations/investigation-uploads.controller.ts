import { Body, Headers, Param, Query, Res } from '@nestjs/common';
import {
  AttachEvidenceInput,
  HoursAndWagesJsonInput,
  INVESTIGATION_PATTERNS,
  MAX_WORKWEEK_RECORDS,
  type InvestigationCommandReply,
} from '@lse/contracts';
import type { HttpResponse } from '@lse/service-kit';
import { z } from 'zod';
import { sendAction } from '../http/case-action';
import { CaseIdParams } from '../http/params';
import { ZodPipe } from '../http/zod.pipe';
import { ApiController } from '../openapi/endpoint';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { investigationAction } from './investigation-action';
import { EvidenceUploadQuery, HoursCsvQuery } from './schemas';

type Params = z.infer<typeof CaseIdParams>;

/** The JSON upload's rows are checked by the service, which names each bad row and field (422). */
const HoursJsonBody = HoursAndWagesJsonInput.extend({
  format: z.literal('json').optional(),
  workers: z.array(z.unknown()).min(1).max(MAX_WORKWEEK_RECORDS),
  records: z.array(z.unknown()).min(1).max(MAX_WORKWEEK_RECORDS),
});

/**
 * Uploads: hours and wages (JSON rows, or `text/csv` with the record-set fields in the query
 * string) and evidence (raw bytes of any media type, or JSON with base64 content). The service
 * checks every row and hashes the evidence itself.
 */
@ApiController()
export class InvestigationUploadsController {
  constructor(private readonly services: ServicesClient) {}

  @investigationAction({
    operationId: 'recordHoursAndWages',
    path: 'hours-and-wages',
    summary:
      'Record per-workweek hours and pay: JSON as documented, or Content-Type text/csv with columns worker_ref, worker_name, week_start, d1..d7, hourly_rate, paid_hours, piece, salary, salary_hours, bonus, overtime_premium, makeup, payday (source, employerId, recordSetId, workweekStart in the query string). Bad rows: 422 listing each row and field; nothing is recorded.',
    // Documented as JSON; the handler reads CSV or JSON itself.
    body: HoursAndWagesJsonInput,
    pattern: INVESTIGATION_PATTERNS.recordHoursAndWages,
    description:
      "Worker ids: for a worker who complained, send the complainant's `complainantId` (GET /complaints/{caseId}, `complaint.complainants`) as `workerId`, so the back wages, the determination and the collection case follow that person; any other worker gets a new UUID of your choosing. In CSV, `worker_ref` (or the name) identifies a worker within the case and the service derives the id. The collection case's `workers[].workerId` are these ids.",
    query: HoursCsvQuery,
    otherBodies: [
      {
        mediaType: 'text/csv',
        description:
          'A header row, then one row per workweek: worker_ref, worker_name, week_start, d1..d7, hourly_rate, paid_hours, piece, salary, salary_hours, bonus, overtime_premium, makeup, payday. UTF-8.',
        schema: { type: 'string' },
      },
    ],
  })
  hours(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @Query(new ZodPipe(HoursCsvQuery)) query: z.infer<typeof HoursCsvQuery>,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    const input =
      typeof body === 'string'
        ? {
            format: 'csv',
            csv: body,
            source: query.source ?? 'employer_payroll',
            ...without(query, 'source'),
          }
        : { ...HoursJsonBody.parse(body), format: 'json' };
    return sendAction<InvestigationCommandReply>(this.services, {
      pattern: INVESTIGATION_PATTERNS.recordHoursAndWages,
      params: p,
      input,
      ifMatch,
      ctx,
      res,
    });
  }

  @investigationAction({
    operationId: 'attachEvidence',
    path: 'evidence',
    summary:
      'Attach evidence: the raw bytes with their Content-Type (fileName and description in the query string), or JSON with contentBase64. At most 512 KiB; the server computes the SHA-256.',
    body: AttachEvidenceInput,
    pattern: INVESTIGATION_PATTERNS.attachEvidence,
    query: EvidenceUploadQuery,
    otherBodies: [
      {
        mediaType: '*/*',
        description: 'The file itself, with its own Content-Type (at most 512 KiB).',
        schema: { type: 'string', contentMediaType: 'application/octet-stream' },
      },
    ],
  })
  evidence(
    @Param(new ZodPipe(CaseIdParams)) p: Params,
    @Query(new ZodPipe(EvidenceUploadQuery)) query: z.infer<typeof EvidenceUploadQuery>,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    const input = AttachEvidenceInput.parse({ ...query, ...(body as object) });
    return sendAction<InvestigationCommandReply>(this.services, {
      pattern: INVESTIGATION_PATTERNS.attachEvidence,
      params: p,
      input,
      ifMatch,
      ctx,
      res,
    });
  }
}

function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const { [key]: _dropped, ...rest } = value;
  return rest;
}
