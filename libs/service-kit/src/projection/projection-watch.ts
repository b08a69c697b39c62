import type { CheckResult, HealthRegistry } from '../health/health-registry';
import type { Metrics } from '../metrics/metrics';
import { describeError } from '../problems/describe-error';

/** `PROJECTION_UNREADY_AFTER_MS` unless set. */
export const DEFAULT_PROJECTION_UNREADY_AFTER_MS = 60_000;

/** A projection as its watch sees it: no message, no event data (either may hold personal data). */
export interface ProjectionState {
  status: 'ok' | 'failing';
  /** The first failure of the current run of failures (ISO 8601). */
  failingSince?: string;
  consecutiveFailures: number;
  /** The error's class (`err.name`) and its string `code`, if any: never its message. */
  errorClass?: string;
  errorCode?: string;
}

export interface ProjectionWatchOptions {
  /** Failing this long makes the service not ready (default 60 s). */
  unreadyAfterMs?: number;
  now?: () => number;
}

/**
 * A projection's subscription retries a failing batch forever (skipping an event would corrupt the
 * read model), so an event that cannot be applied stops the read model without a sign but a
 * warning per retry. The watch keeps the failure run: since when, how many in a row, the error's
 * class. A read model that stopped answers stale data; failing that long (`unreadyAfterMs`) makes
 * the service not ready. The first batch that applies ends the run.
 */
export class ProjectionWatch {
  private since?: number;
  private failures = 0;
  private error?: { type: string; code?: string };
  private readonly unreadyAfterMs: number;
  private readonly now: () => number;

  constructor(
    readonly name: string,
    options: ProjectionWatchOptions = {},
  ) {
    this.unreadyAfterMs = options.unreadyAfterMs ?? DEFAULT_PROJECTION_UNREADY_AFTER_MS;
    this.now = options.now ?? Date.now;
  }

  /** A batch failed; true when this starts a run of failures. */
  failed(err: unknown): boolean {
    const { type, code } = describeError(err);
    this.error = { type: type.slice(0, 100), ...(code === undefined ? {} : { code: code.slice(0, 100) }) };
    this.failures += 1;
    if (this.since !== undefined) return false;
    this.since = this.now();
    return true;
  }

  /** A batch applied; true when it ends a run of failures. */
  succeeded(): boolean {
    const wasFailing = this.since !== undefined;
    this.since = undefined;
    this.failures = 0;
    this.error = undefined;
    return wasFailing;
  }

  /** How long it has been failing; 0 when it applies. */
  failingMs(): number {
    return this.since === undefined ? 0 : Math.max(0, this.now() - this.since);
  }

  state(): ProjectionState {
    if (this.since === undefined) return { status: 'ok', consecutiveFailures: 0 };
    return {
      status: 'failing',
      failingSince: new Date(this.since).toISOString(),
      consecutiveFailures: this.failures,
      ...(this.error ? { errorClass: this.error.type } : {}),
      ...(this.error?.code === undefined ? {} : { errorCode: this.error.code }),
    };
  }

  /** Its entry in the readiness report: failing at once, fatal to readiness past the threshold. */
  report(): Omit<CheckResult, 'durationMs'> {
    const state = this.state();
    if (state.status === 'ok') return { status: 'ok' };
    const { status, ...detail } = state;
    return {
      status,
      error: `${state.errorClass ?? 'error'}${state.errorCode ? ` (${state.errorCode})` : ''}`,
      failsReadiness: this.failingMs() >= this.unreadyAfterMs,
      detail: { ...detail, failsReadinessAfterMs: this.unreadyAfterMs },
    };
  }
}

export interface WatchedProjection {
  watch: ProjectionWatch;
  /** For the subscription's `onError`. */
  onError: (err: unknown) => void;
  /** For the subscription's `onHandled`. */
  onHandled: () => void;
}

/**
 * Watches a projection: its state in the readiness report as `projection:<name>` and its failing
 * seconds as `projection_failing_seconds{projection="<name>"}`. `onFailure` runs on every failure
 * (a log line), `onRecovered` once a run of failures ends.
 */
export function watchProjection(
  name: string,
  options: ProjectionWatchOptions & {
    health: HealthRegistry;
    metrics?: Metrics;
    onFailure?(err: unknown, watch: ProjectionWatch): void;
    onRecovered?(watch: ProjectionWatch): void;
  },
): WatchedProjection {
  const watch = new ProjectionWatch(name, options);
  options.health.registerState(`projection:${name}`, () => watch.report());
  options.metrics?.watchProjection(name, () => watch.failingMs() / 1000);
  return {
    watch,
    onError: (err) => {
      watch.failed(err);
      options.onFailure?.(err, watch);
    },
    onHandled: () => {
      if (watch.succeeded()) options.onRecovered?.(watch);
    },
  };
}
