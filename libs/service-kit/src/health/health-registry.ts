import { Injectable } from '@nestjs/common';
import { withTimeout } from '../util/with-timeout';

/** Resolves when the dependency is usable; rejects (or hangs, then times out) when not. */
export type HealthCheck = () => Promise<unknown>;

export interface CheckResult {
  status: 'ok' | 'failing';
  durationMs: number;
  error?: string;
  /**
   * Whether this failing check makes the service not ready. Absent: it does. A projection
   * failing for less than its threshold reports `false`: shown, not yet fatal.
   */
  failsReadiness?: boolean;
  /** What a state check reports beyond its status (never a message or data: see ProjectionWatch). */
  detail?: Record<string, string | number | boolean>;
}

/** A check that knows its state without asking a dependency (a projection's watch). */
export type StateReport = () => Omit<CheckResult, 'durationMs'>;

export interface ReadinessReport {
  status: 'ok' | 'failing';
  checks: Record<string, CheckResult>;
  /** What the process runs on, so an operator sees a node that missed an upgrade. */
  runtime: { node: string };
}

export const DEFAULT_CHECK_TIMEOUT_MS = 1000;

/** The readiness checks of a service; each module registers its own dependencies. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, { check: HealthCheck; timeoutMs: number }>();
  private readonly states = new Map<string, StateReport>();
  private shuttingDown = false;

  /** From the first shutdown signal on, the service reports not ready so traffic moves away. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  register(name: string, check: HealthCheck, timeoutMs = DEFAULT_CHECK_TIMEOUT_MS): void {
    this.checks.set(name, { check, timeoutMs });
  }

  /** A state reported as it stands (no I/O, no timeout), e.g. `projection:<name>`. */
  registerState(name: string, report: StateReport): void {
    this.states.set(name, report);
  }

  names(): string[] {
    return [...this.checks.keys(), ...this.states.keys()];
  }

  /** Runs every check in parallel, each bounded by its timeout, so readiness never hangs. */
  async run(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, { check, timeoutMs }]): Promise<[string, CheckResult]> => {
        const started = performance.now();
        try {
          await withTimeout(Promise.resolve().then(check), timeoutMs);
          return [name, { status: 'ok', durationMs: elapsed(started) }];
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          return [name, { status: 'failing', durationMs: elapsed(started), error: message.slice(0, 200) }];
        }
      }),
    );
    for (const [name, report] of this.states) entries.push([name, { ...report(), durationMs: 0 }]);
    if (this.shuttingDown)
      entries.push(['shutdown', { status: 'failing', durationMs: 0, error: 'shutting down' }]);
    const checks = Object.fromEntries(entries);
    const ready = entries.every(([, r]) => r.status === 'ok' || r.failsReadiness === false);
    const status = ready ? 'ok' : 'failing';
    return { status, checks, runtime: { node: process.version } };
  }
}

const elapsed = (started: number) => Math.round(performance.now() - started);
