import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { prefixedSubject } from '@lse/contracts';
import { NatsDrainer, ServiceActor, ServiceRequest } from '@lse/service-kit';
import type { NatsConnection } from 'nats';
import { lastValueFrom, timeout } from 'rxjs';
import { transportFailure, valueOfReply } from './reply-mapping';

export const SERVICES_NATS = 'SERVICES_NATS';
export const SERVICE_TIMEOUT_MS = Symbol('SERVICE_TIMEOUT_MS');
export const SUBJECT_PREFIX_TOKEN = Symbol('SUBJECT_PREFIX');

export interface CallContext {
  actor: ServiceActor;
  correlationId: string;
  idempotencyKey?: string;
}

/**
 * Calls services by NATS request/reply (`<service>.<verb>`). Every call is bounded: no answer in
 * time is a 504, no responder or no connection a 503, a failure reply its mapped status.
 */
@Injectable()
export class ServicesClient implements OnModuleInit {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    @Inject(SERVICES_NATS) private readonly client: ClientProxy,
    @Inject(SERVICE_TIMEOUT_MS) private readonly timeoutMs: number,
    @Inject(SUBJECT_PREFIX_TOKEN) private readonly subjectPrefix: string,
    private readonly drainer: NatsDrainer,
  ) {}

  onModuleInit(): void {
    // On SIGTERM: let calls in flight get their replies, then drain.
    this.drainer.drainOnShutdown(
      'services',
      () => this.connection(),
      () => Promise.allSettled([...this.inFlight]),
    );
  }

  /** The underlying nats.js connection once connected (health checks, draining). */
  connection(): NatsConnection | undefined {
    try {
      return this.client.unwrap<NatsConnection>() ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** Connects if needed (rejects when NATS cannot be reached). */
  async connect(): Promise<NatsConnection> {
    await this.client.connect();
    return this.client.unwrap<NatsConnection>();
  }

  /** Calls `pattern` (`<service>.<verb>`, from the service's contract) under the configured prefix. */
  async call<T>(pattern: string, data: unknown, context: CallContext): Promise<T> {
    const request: ServiceRequest = { ...context, data };
    const pending = lastValueFrom(
      this.client
        .send<unknown>(prefixedSubject(this.subjectPrefix, pattern), request)
        .pipe(timeout({ first: this.timeoutMs })),
    );
    this.inFlight.add(pending);
    try {
      return valueOfReply<T>(await pending, pattern);
    } catch (err) {
      throw transportFailure(err, pattern, this.timeoutMs);
    } finally {
      this.inFlight.delete(pending);
    }
  }
}
