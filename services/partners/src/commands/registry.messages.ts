import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ContactInput,
  DeactivatePartnerInput,
  LogMeetingInput,
  PARTNERS_PATTERNS as P,
  partnerStreamId,
  streamCommandRequest,
  partnersCreateRequest,
  RegisterPartnerInput,
  RemoveContactInput,
} from '@lse/contracts';
import { utcDateOf, type Clock } from '@lse/domain';
import { partnerDecider, type PartnerCommand } from '@lse/partners-domain';
import {
  commandIdFor,
  derivedId,
  Metrics,
  replyTo,
  StreamCommands,
  type RequestEnvelope,
} from '@lse/service-kit';
import { z } from 'zod';
import { CLOCK } from '../tokens';
import { partnerView, runCommand } from './command-result';

/** The partner registry's commands: entries, point people, deactivation and the meetings log. */
@Controller()
export class RegistryMessages {
  private readonly logger = new Logger('PartnersRegistry');

  constructor(
    private readonly commands: StreamCommands,
    private readonly metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(P.register)
  register(@Payload() payload: unknown) {
    return this.handle(P.register, payload, async (env) => {
      const { input } = partnersCreateRequest(RegisterPartnerInput).parse(env.data);
      const commandId = commandIdFor(P.register, 'new', env.actor.id, env.idempotencyKey);
      const partnerId = derivedId(commandId, 'partner');
      const { contacts = [], registeredAt, ...registration } = input;
      const outcome = await runCommand(
        this.commands,
        partnerDecider,
        this.ctx(env, partnerId, commandId),
        () => ({
          type: 'RegisterPartner' as const,
          partnerId,
          registration: { ...registration, registeredAt: registeredAt ?? this.today() },
          contacts: contacts.map((c, i) => ({ ...c, contactId: derivedId(commandId, `contact/${i}`) })),
        }),
      );
      return partnerView(outcome);
    });
  }

  @MessagePattern(P.addContact)
  addContact(@Payload() payload: unknown) {
    return this.update(P.addContact, payload, ContactInput, (input, partnerId, commandId) => ({
      type: 'AddContact',
      partnerId,
      contact: { ...input, contactId: derivedId(commandId, 'contact') },
    }));
  }

  @MessagePattern(P.removeContact)
  removeContact(@Payload() payload: unknown) {
    const schema = RemoveContactInput.extend({ contactId: z.uuid() });
    return this.update(P.removeContact, payload, schema, (input, partnerId) => ({
      type: 'RemoveContact',
      partnerId,
      contactId: input.contactId,
      ...(input.reason ? { reason: input.reason } : {}),
    }));
  }

  @MessagePattern(P.deactivate)
  deactivate(@Payload() payload: unknown) {
    return this.update(P.deactivate, payload, DeactivatePartnerInput, (input, partnerId) => ({
      type: 'DeactivatePartner',
      partnerId,
      reason: input.reason,
      deactivatedOn: input.deactivatedOn ?? this.today(),
    }));
  }

  @MessagePattern(P.logMeeting)
  logMeeting(@Payload() payload: unknown) {
    return this.update(P.logMeeting, payload, LogMeetingInput, (input, partnerId, commandId) => ({
      type: 'LogMeeting',
      partnerId,
      meeting: { ...input, meetingId: derivedId(commandId, 'meeting') },
    }));
  }

  private update<S extends z.ZodType>(
    pattern: string,
    payload: unknown,
    schema: S,
    toCommand: (input: z.output<S>, partnerId: string, commandId: string) => PartnerCommand,
  ) {
    return this.handle(pattern, payload, async (env) => {
      const request = streamCommandRequest('id', schema).parse(env.data);
      const commandId = commandIdFor(pattern, request.id, env.actor.id, env.idempotencyKey);
      const ctx = { ...this.ctx(env, request.id, commandId), expectedVersion: request.expectedVersion };
      return partnerView(
        await runCommand(this.commands, partnerDecider, ctx, () =>
          toCommand(request.input, request.id, commandId),
        ),
      );
    });
  }

  private ctx(env: RequestEnvelope, partnerId: string, commandId: string) {
    return {
      streamId: partnerStreamId(partnerId),
      commandId,
      actor: env.actor,
      correlationId: env.correlationId,
      now: this.clock.now().toISOString(),
    };
  }

  private today() {
    return utcDateOf(this.clock.now());
  }

  private handle<T>(pattern: string, payload: unknown, work: (env: RequestEnvelope) => Promise<T>) {
    return replyTo(this.metrics, this.logger, pattern, payload, work, 'request failed unexpectedly');
  }
}
