import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface MetricsOptions {
  /** Node.js process metrics (heap, event loop lag, GC); on by default. */
  defaultMetrics?: boolean;
}

/**
 * The metrics every service exposes, in a registry of its own (not prom-client's global one),
 * so several services or test apps in one process never collide.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly commandDuration: Histogram<'type' | 'outcome'>;
  readonly eventsAppended: Counter<'category' | 'type'>;
  readonly concurrencyConflicts: Counter;
  readonly relayLag: Gauge;
  readonly consumerLag: Gauge<'consumer'>;
  readonly deadLetters: Counter<'consumer'>;
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  readonly projectionFailing: Gauge<'projection'>;
  /** Each watched projection's seconds failing, read when scraped (see `watchProjection`). */
  private readonly projections = new Map<string, () => number>();

  constructor(
    readonly service: string,
    options: MetricsOptions = {},
  ) {
    this.registry.setDefaultLabels({ service });
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    // Buckets from 1 ms to 5 s: the command path's goal is p99 <= 25 ms.
    const buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
    this.commandDuration = new Histogram({
      name: 'command_duration_seconds',
      help: 'Time to handle a command, by command type and outcome (ok, rejected, conflict, error)',
      labelNames: ['type', 'outcome'],
      buckets,
      registers,
    });
    this.eventsAppended = new Counter({
      name: 'events_appended_total',
      help: 'Events appended to the event store, by stream category and event type',
      labelNames: ['category', 'type'],
      registers,
    });
    this.concurrencyConflicts = new Counter({
      name: 'concurrency_conflicts_total',
      help: 'Appends rejected because the expected stream version did not match',
      registers,
    });
    this.relayLag = new Gauge({
      name: 'relay_lag_events',
      help: 'Events committed to the store but not yet published to JetStream by the relay',
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'consumer_lag_messages',
      help: 'Messages pending for a durable consumer',
      labelNames: ['consumer'],
      registers,
    });
    this.deadLetters = new Counter({
      name: 'dead_letters_total',
      help: 'Messages a consumer gave up on and sent to the dead-letter subject',
      labelNames: ['consumer'],
      registers,
    });
    this.httpRequestDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets,
      registers,
    });
    const projections = this.projections;
    this.projectionFailing = new Gauge({
      name: 'projection_failing_seconds',
      help: 'Seconds a read-model projection has been failing to apply its next batch (0 when it applies)',
      labelNames: ['projection'],
      registers,
      collect() {
        for (const [projection, seconds] of projections) this.set({ projection }, seconds());
      },
    });
  }

  /** Exposes a projection's failing time as `projection_failing_seconds{projection}`. */
  watchProjection(projection: string, failingSeconds: () => number): void {
    this.projections.set(projection, failingSeconds);
  }

  /** Times a command and records its outcome from the result or the error's code. */
  async timeCommand<T>(type: string, run: () => Promise<T>, outcomeOf?: (result: T) => string): Promise<T> {
    const end = this.commandDuration.startTimer({ type });
    try {
      const result = await run();
      end({ outcome: outcomeOf ? outcomeOf(result) : 'ok' });
      return result;
    } catch (err) {
      const code = (err as { code?: unknown } | null)?.code;
      end({ outcome: typeof code === 'string' ? code : 'error' });
      throw err;
    }
  }

  /** Prometheus text exposition. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
