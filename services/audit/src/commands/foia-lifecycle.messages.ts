import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AcknowledgeFoiaRequestInput,
  AUDIT_PATTERNS,
  DecideFoiaAppealInput,
  DecideFoiaFeeWaiverInput,
  DenyFoiaRequestInput,
  EstimateFoiaFeeInput,
  ReceiveFoiaAppealInput,
  ReceiveFoiaClarificationInput,
  RecordFoiaPaymentInput,
  ReferFoiaRequestInput,
  RequestFoiaClarificationInput,
  RespondNoFoiaRecordsInput,
  streamCommandRequest,
} from '@lse/contracts';
import { Metrics, type Clock } from '@lse/service-kit';
import { z } from 'zod';
import { auditReply } from '../access/actor';
import type { AuditCore } from '../audit-core';
import { FoiaLifecycleDesk, type FoiaLifecycleStep } from '../foia/foia-lifecycle-desk';
import { AUDIT_CORE, CLOCK } from '../tokens';
import { commandContext } from './command-context';

/**
 * The FOIA officer's steps of a request's life after receipt (`audit.<verb>`, queue group
 * `audit`): each input validated, turned into its command, run on the request's stream.
 */
@Controller()
export class FoiaLifecycleMessages {
  private readonly logger = new Logger('Audit');
  private readonly desk: FoiaLifecycleDesk;

  constructor(
    @Inject(AUDIT_CORE) core: AuditCore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {
    this.desk = new FoiaLifecycleDesk(core.foia);
  }

  @MessagePattern(AUDIT_PATTERNS.acknowledgeFoiaRequest)
  acknowledge(@Payload() payload: unknown) {
    return this.step(AUDIT_PATTERNS.acknowledgeFoiaRequest, payload, AcknowledgeFoiaRequestInput, () => ({
      type: 'AcknowledgeFoiaRequest',
    }));
  }

  @MessagePattern(AUDIT_PATTERNS.requestFoiaClarification)
  requestClarification(@Payload() payload: unknown) {
    return this.step(
      AUDIT_PATTERNS.requestFoiaClarification,
      payload,
      RequestFoiaClarificationInput,
      (i) => ({
        type: 'RequestFoiaClarification',
        ...i,
      }),
    );
  }

  @MessagePattern(AUDIT_PATTERNS.receiveFoiaClarification)
  receiveClarification(@Payload() payload: unknown) {
    return this.step(
      AUDIT_PATTERNS.receiveFoiaClarification,
      payload,
      ReceiveFoiaClarificationInput,
      (i) => ({
        type: 'ReceiveFoiaClarification',
        ...i,
      }),
    );
  }

  @MessagePattern(AUDIT_PATTERNS.estimateFoiaFee)
  estimateFee(@Payload() payload: unknown) {
    return this.step(AUDIT_PATTERNS.estimateFoiaFee, payload, EstimateFoiaFeeInput, (i) => ({
      type: 'EstimateFoiaFee',
      ...i,
    }));
  }

  @MessagePattern(AUDIT_PATTERNS.decideFoiaFeeWaiver)
  decideFeeWaiver(@Payload() payload: unknown) {
    return this.step(AUDIT_PATTERNS.decideFoiaFeeWaiver, payload, DecideFoiaFeeWaiverInput, (i) => ({
      type: 'DecideFoiaFeeWaiver',
      ...i,
    }));
  }

  @MessagePattern(AUDIT_PATTERNS.recordFoiaPayment)
  recordPayment(@Payload() payload: unknown) {
    return this.step(AUDIT_PATTERNS.recordFoiaPayment, payload, RecordFoiaPaymentInput, (i) => ({
      type: 'RecordFoiaPayment',
      ...i,
    }));
  }

  @MessagePattern(AUDIT_PATTERNS.denyFoiaRequest)
  deny(@Payload() payload: unknown) {
    return this.step(AUDIT_PATTERNS.denyFoiaRequest, payload, DenyFoiaRequestInput, (i) => ({
      type: 'DenyFoiaRequest',
      ...i,
    }));
  }

  @MessagePattern(AUDIT_PATTERNS.respondNoFoiaRecords)
  noRecords(@Payload() payload: unknown) {
    return this.step(AUDIT_PATTERNS.respondNoFoiaRecords, payload, RespondNoFoiaRecordsInput, (i) => ({
      type: 'RespondNoFoiaRecords',
      ...i,
    }));
  }

  @MessagePattern(AUDIT_PATTERNS.referFoiaRequest)
  refer(@Payload() payload: unknown) {
    return this.step(AUDIT_PATTERNS.referFoiaRequest, payload, ReferFoiaRequestInput, (i) => ({
      type: 'ReferFoiaRequest',
      ...i,
    }));
  }

  @MessagePattern(AUDIT_PATTERNS.receiveFoiaAppeal)
  receiveAppeal(@Payload() payload: unknown) {
    return this.step(AUDIT_PATTERNS.receiveFoiaAppeal, payload, ReceiveFoiaAppealInput, (i) => ({
      type: 'ReceiveFoiaAppeal',
      ...i,
    }));
  }

  @MessagePattern(AUDIT_PATTERNS.decideFoiaAppeal)
  decideAppeal(@Payload() payload: unknown) {
    return this.step(AUDIT_PATTERNS.decideFoiaAppeal, payload, DecideFoiaAppealInput, (i) => ({
      type: 'DecideFoiaAppeal',
      ...i,
    }));
  }

  private step<S extends z.ZodType>(
    pattern: string,
    payload: unknown,
    input: S,
    build: (input: z.output<S>) => FoiaLifecycleStep,
  ) {
    return auditReply(this.metrics, this.logger, pattern, payload, ['foia_officer'], async (env) => {
      const parsed = streamCommandRequest('requestId', input).parse(env.data);
      const { requestId, expectedVersion } = parsed;
      const ctx = commandContext(env, this.clock, expectedVersion);
      return { requestId, ...(await this.desk.act(requestId, build(parsed.input), ctx)) };
    });
  }
}
