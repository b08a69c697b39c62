/** Lower-case words and dashes: a namespace for request subjects (`NATS_SUBJECT_PREFIX`). */
export const SUBJECT_PREFIX = /^([a-z0-9][a-z0-9_-]{0,39})?$/;

/**
 * The subject a pattern is served on. A prefix lets several deployments, or test runs, share one
 * NATS cluster without answering each other's requests; production uses none.
 */
export function prefixedSubject(prefix: string | undefined, pattern: string): string {
  if (prefix && !SUBJECT_PREFIX.test(prefix)) throw new Error(`invalid NATS subject prefix "${prefix}"`);
  return prefix ? `${prefix}.${pattern}` : pattern;
}
