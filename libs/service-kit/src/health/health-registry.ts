import { Injectable } from '@nestjs/common';
import { withTimeout } from '../util/with-timeout';

/** Resolves when the dependency is usable; rejects (or hangs, then times out) when not. */
export type HealthCheck = () => Promise<unknown>;

export interface CheckResult {
  status: 'ok' | 'failing';
  durationMs: number;
  error?: string;
}

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
  private shuttingDown = false;

  /** From the first shutdown signal on, the service reports not ready so traffic moves away. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  register(name: string, check: HealthCheck, timeoutMs = DEFAULT_CHECK_TIMEOUT_MS): void {
    this.checks.set(name, { check, timeoutMs });
  }

  names(): string[] {
    return [...this.checks.keys()];
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
    if (this.shuttingDown)
      entries.push(['shutdown', { status: 'failing', durationMs: 0, error: 'shutting down' }]);
    const checks = Object.fromEntries(entries);
    const status = entries.every(([, r]) => r.status === 'ok') ? 'ok' : 'failing';
    return { status, checks, runtime: { node: process.version } };
  }
}

const elapsed = (started: number) => Math.round(performance.now() - started);
