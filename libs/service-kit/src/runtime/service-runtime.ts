import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { keyringForgetSubject } from '@lse/contracts';
import type { PostgresEventStore, RecordedEvent } from '@lse/event-store';
import {
  DurableConsumer,
  ensureStreams,
  EventRelay,
  RECONNECT_FOREVER,
  type DurableConsumerOptions,
} from '@lse/messaging';
import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { natsCheck, postgresCheck } from '../health/checks';
import type { HealthRegistry } from '../health/health-registry';
import type { Metrics } from '../metrics/metrics';
import { watchProjection, type WatchedProjection } from '../projection/projection-watch';
import { describeError } from '../problems/describe-error';
import { IntervalTask } from './interval-task';
import type { RuntimePart } from './runtime-part';

export interface ServiceRuntimeSettings {
  /** The service, e.g. `collections`: its relay's name and its schema in the default deployment. */
  service: string;
  /**
   * The service's own schema (read models, relay checkpoint). Another one than the service's
   * name (a test run's) suffixes the relay's and the consumers' names, so runs sharing a NATS
   * server and a database neither share nor steal each other's checkpoints and messages.
   */
  schema: string;
  natsUrl: string;
  databaseUrl: string;
  /** The NATS connection's name as nats-server lists it, e.g. `lse-collections-runtime`. */
  connectionName: string;
  /**
   * Every JetStream publish is a request; its error would carry a stack captured up front, at a
   * cost per message that a busy relay pays for each event.
   */
  noAsyncTraces?: boolean;
  /** The store the relay tails (raw: it publishes events sealed); its pool is the readiness check's PostgreSQL. */
  store: PostgresEventStore;
  /** Opens the sealed events consumers receive (the service's `SealedEventStore`). */
  opener?: { open(events: readonly RecordedEvent[]): Promise<RecordedEvent[]>; forget?(): void };
  health: HealthRegistry;
  /** Where a watched projection's failing seconds go (`projection_failing_seconds`). */
  metrics?: Metrics;
  /** A projection failing this long makes the service not ready (`PROJECTION_UNREADY_AFTER_MS`). */
  projectionUnreadyAfterMs?: number;
  /** Closes the store and the read models' connections, after every part stopped and NATS drained. */
  close(): Promise<void>;
}

/** A durable consumer as a runtime declares it; the connection and the failure logs come from here. */
export interface ConsumerDeclaration extends Pick<
  DurableConsumerOptions,
  'filterSubject' | 'types' | 'concurrency' | 'handle'
> {
  /** The name in the default deployment; see `consumerName`. */
  name: string;
  /** What its failure log lines call the handling, e.g. `determination reaction`. */
  what: string;
}

/**
 * A service's background work: one NATS connection (reconnecting forever) with the streams
 * ensured, then the parts the service declares in `startParts` (projector, relay, durable
 * consumers, timers), started after the app is up and stopped in reverse order before the
 * connection drains and the stores close. Nest runs one module's shutdown hooks concurrently,
 * so whatever must stop before the store closes is a part here, not a provider of its own.
 * Failures are logged by error type, code and frames only (`describeError`): never a message
 * or an event's data, which may hold personal data.
 */
export abstract class ServiceRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  relay?: EventRelay;
  private nc?: NatsConnection;
  private jsm?: JetStreamManager;
  private readonly started: RuntimePart[] = [];

  protected constructor(private readonly settings: ServiceRuntimeSettings) {}

  /** Starts the service's parts in order, each with one of the helpers below. */
  protected abstract startParts(): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    const { health, store, natsUrl, connectionName, noAsyncTraces } = this.settings;
    health.register('postgres', postgresCheck(store.pool));
    health.register(
      'nats',
      natsCheck(() => this.nc),
    );
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the linter cannot resolve transport-node's types; tsc checks them
    const nc: NatsConnection = await connect({
      servers: natsUrl.split(',').map((s) => s.trim()),
      name: connectionName,
      ...RECONNECT_FOREVER,
      noAsyncTraces: noAsyncTraces ?? false,
    });
    this.nc = nc;
    this.jsm = await ensureStreams(nc);
    this.listenForForget(nc);
    await this.startParts();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const part of this.started.splice(0).reverse()) await part.stop();
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => undefined);
    await this.settings.close();
  }

  /** Starts a part (a projector, a scheduled checker) and stops it at shutdown. */
  protected async start<P extends RuntimePart>(part: P): Promise<P> {
    await part.start();
    this.started.push(part);
    return part;
  }

  /** Publishes the service's own categories to JetStream (one leader per relay name). */
  protected startRelay(options: { categories: readonly string[]; pollIntervalMs?: number }): EventRelay {
    const { service, schema, store, databaseUrl } = this.settings;
    const relay = new EventRelay({
      name: schema === service ? service : `${service}.${schema}`,
      store,
      nc: this.connection().nc,
      connectionString: databaseUrl,
      schema,
      categories: options.categories,
      ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
      onError: this.warnAndRetry('relay'),
    });
    relay.start();
    this.started.push(relay);
    this.relay = relay;
    return relay;
  }

  /** Starts a durable consumer on CASE_EVENTS that logs its failures and dead letters. */
  protected async consume(declared: ConsumerDeclaration): Promise<DurableConsumer> {
    const { name, what, ...options } = declared;
    const opener = this.settings.opener;
    const consumer = new DurableConsumer({
      ...this.connection(),
      ...options,
      name,
      ...(opener ? { open: async (event: RecordedEvent) => (await opener.open([event]))[0] } : {}),
      onError: (err, event) =>
        this.logger.warn(
          { error: describeError(err), consumer: name, eventId: event?.eventId, type: event?.type },
          `${what} failed; will retry`,
        ),
      // Neither logs nor the dead letter (Lse-Failure-Reason: class and code) keep the failure's text.
      onDeadLetter: (event) =>
        this.logger.error(
          { consumer: name, eventId: event?.eventId, type: event?.type },
          `${what} parked as a dead letter`,
        ),
    });
    return this.start(consumer);
  }

  /** Runs a task every `everyMs` (never twice at once), logging a failure; the next interval retries. */
  protected every(
    what: string,
    everyMs: number,
    run: () => Promise<unknown>,
    { runNow = false }: { runNow?: boolean } = {},
  ): Promise<IntervalTask> {
    return this.start(
      new IntervalTask({
        everyMs,
        runNow,
        run,
        onError: (err) =>
          this.logger.warn({ error: describeError(err) }, `${what} failed; next interval retries`),
      }),
    );
  }

  /** A consumer's name in this deployment: the default one's, or suffixed with a test run's schema. */
  protected consumerName(name: string): string {
    const { service, schema } = this.settings;
    return schema === service ? name : `${name}-${schema.replace(/_/g, '-')}`;
  }

  /**
   * `onError` and `onHandled` for a projector: each failure logged (class, code, frames), the
   * projection's state in readiness (`projection:<name>`) and in `projection_failing_seconds`.
   */
  protected watchProjection(name: string): Pick<WatchedProjection, 'onError' | 'onHandled'> {
    const { health, metrics, projectionUnreadyAfterMs } = this.settings;
    const { onError, onHandled } = watchProjection(name, {
      health,
      ...(metrics ? { metrics } : {}),
      ...(projectionUnreadyAfterMs === undefined ? {} : { unreadyAfterMs: projectionUnreadyAfterMs }),
      onFailure: (err, watch) =>
        this.logger.warn(
          {
            error: describeError(err),
            projection: name,
            consecutiveFailures: watch.state().consecutiveFailures,
          },
          'projection batch failed; retrying',
        ),
      onRecovered: () => this.logger.log({ projection: name }, 'projection applies again'),
    });
    return { onError, onHandled };
  }

  /** An `onError` for a projector or relay: logs the failure; it retries by itself. */
  protected warnAndRetry(what: string): (err: unknown) => void {
    return (err) => this.logger.warn({ error: describeError(err) }, `${what} failed; retrying`);
  }

  /**
   * A key destroyed by an erasure (docs/architecture.md#erasing-a-person): the keyring's cache is
   * dropped at once, so values of the erased subject stop opening here now, not within the TTL.
   * NATS core, at most once: a service disconnected at that instant stops within the TTL.
   */
  private listenForForget(nc: NatsConnection): void {
    const opener = this.settings.opener;
    if (!opener?.forget) return;
    nc.subscribe(keyringForgetSubject(this.settings.store.schema), {
      callback: (err) => {
        if (!err) opener.forget?.();
      },
    });
  }

  /**
   * Tells every process of this keyring that a key was destroyed (their caches drop it now).
   * The payload is the key id only. Flushed, so it has left when the caller answers.
   */
  protected async announceForget(keyId: string): Promise<void> {
    const { nc } = this.connection();
    nc.publish(keyringForgetSubject(this.settings.store.schema), JSON.stringify({ keyId }));
    await nc.flush();
  }

  private connection(): { nc: NatsConnection; jsm: JetStreamManager } {
    if (!this.nc || !this.jsm) throw new Error('startParts runs after the NATS connection is open');
    return { nc: this.nc, jsm: this.jsm };
  }
}
