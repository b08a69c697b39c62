import { INTAKE_PATTERNS, prefixedSubject, SUBJECT_PREFIX } from '@lse/contracts';

export type IntakeVerb = keyof typeof INTAKE_PATTERNS;

/**
 * The subjects intake serves: `intake.<verb>`, under NATS_SUBJECT_PREFIX when deployments (or
 * test runs) share one NATS cluster. Read once, when the routes are created; a bad value stops start-up.
 */
export function intakeSubjects(
  env: Record<string, string | undefined> = process.env,
): (verb: IntakeVerb) => string {
  const prefix = env.NATS_SUBJECT_PREFIX ?? '';
  if (!SUBJECT_PREFIX.test(prefix)) {
    throw new Error('Invalid configuration:\n  - NATS_SUBJECT_PREFIX: lower-case letters, digits, - and _');
  }
  return (verb) => prefixedSubject(prefix, INTAKE_PATTERNS[verb]);
}
