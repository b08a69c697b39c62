import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { prefixedSubject } from '@lse/contracts';
import { NatsDrainer, ServiceActor } from '@lse/service-kit';
import { ClosedConnectionError, type ConnectionOptions, type NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { RequestMux } from './request-mux';
import { decodeReply, encodeRequest } from './rpc-wire';
import { disconnected, transportFailure, valueOfReply } from './reply-mapping';

export const SERVICES_NATS_OPTIONS = Symbol('SERVICES_NATS_OPTIONS');
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
 *
 * One nats.js (@nats-io) connection; replies come back on one shared inbox subscription (request-mux.ts).
 * (Nest's ClientProxy subscribed and unsubscribed an inbox per call and ran each through rxjs;
 * that was a tenth of the gateway's CPU per command.) The payloads are Nest's (rpc-wire.ts), so
 * services are Nest microservices as before.
 */
@Injectable()
export class ServicesClient implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ServicesClient');
  private readonly inFlight = new Set<Promise<unknown>>();
  private nc?: NatsConnection;
  private connecting?: Promise<NatsConnection>;
  private readonly muxes = new WeakMap<NatsConnection, RequestMux>();
  /** Between a disconnect and the reconnect: calls fail at once instead of waiting out their timeout. */
  private down = false;

  constructor(
    @Inject(SERVICES_NATS_OPTIONS) private readonly options: ConnectionOptions,
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

  async onApplicationShutdown(): Promise<void> {
    const nc = this.nc ?? (await this.connecting?.catch(() => undefined));
    if (nc && !nc.isClosed()) await nc.close();
  }

  /** The underlying nats.js connection once connected (health checks, draining). */
  connection(): NatsConnection | undefined {
    return this.nc;
  }

  /** Connects if needed (rejects when NATS cannot be reached). */
  connect(): Promise<NatsConnection> {
    if (this.nc && !this.nc.isClosed()) return Promise.resolve(this.nc);
    // transport-node re-exports its types from a subpath that node resolution cannot follow.
    this.connecting ??= (connect(this.options) as Promise<NatsConnection>).then(
      (nc) => {
        this.nc = nc;
        this.muxes.set(nc, new RequestMux(nc));
        this.down = false;
        void this.watch(nc);
        return nc;
      },
      (err: unknown) => {
        this.connecting = undefined;
        throw err;
      },
    );
    return this.connecting;
  }

  /** Calls `pattern` (`<service>.<verb>`, from the service's contract) under the configured prefix. */
  async call<T>(pattern: string, data: unknown, context: CallContext): Promise<T> {
    const pending = this.request(prefixedSubject(this.subjectPrefix, pattern), { ...context, data });
    this.inFlight.add(pending);
    try {
      return valueOfReply<T>(await pending, pattern);
    } catch (err) {
      throw transportFailure(err, pattern, this.timeoutMs);
    } finally {
      this.inFlight.delete(pending);
    }
  }

  private async request(subject: string, request: unknown): Promise<unknown> {
    const nc = this.nc && !this.nc.isClosed() ? this.nc : await this.connect();
    const mux = this.muxes.get(nc);
    if (!mux || nc.isClosed()) throw new ClosedConnectionError();
    if (this.down) throw disconnected();
    const msg = await mux.request(subject, encodeRequest(subject, request), this.timeoutMs);
    return decodeReply(msg.data, subject);
  }

  private async watch(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      const server = 'server' in status ? status.server : undefined;
      if (status.type === 'disconnect') {
        this.down = true;
        this.logger.error({ server }, 'NATS connection lost, reconnecting');
      } else if (status.type === 'reconnect') {
        this.down = false;
        this.logger.log({ server }, 'NATS connection back');
      }
    }
  }
}
