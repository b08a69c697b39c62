export interface EventuallyOptions<T> {
  /** How long to keep asking (default 10 s). */
  timeoutMs?: number;
  /** Pause between probes (default 25 ms). */
  intervalMs?: number;
  /**
   * What is awaited. Given, a timeout throws an Error naming it (and `details`, or the last
   * value); without it, the last value is returned for the caller's assertion to report.
   */
  what?: string;
  /** What to add to the timeout's message (the services' logs, say). */
  details?: (last: T) => string;
}

/**
 * Probes until `ok` holds: for what happens in another process, or after another transaction
 * (projections, relays, reactions, and reads below the server-wide transaction horizon, which any
 * suite's open transaction on the same PostgreSQL server holds back).
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  options: number | EventuallyOptions<T> = {},
): Promise<T> {
  const {
    timeoutMs = 10_000,
    intervalMs = 25,
    what,
    details,
  } = typeof options === 'number' ? { timeoutMs: options } : options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) {
      if (what === undefined) return value;
      const shown = details ? details(value) : JSON.stringify(value)?.slice(0, 500);
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}: ${shown}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
