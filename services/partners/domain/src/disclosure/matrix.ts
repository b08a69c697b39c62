import type { ConsentScope, DisclosedField, SharingLevel } from '@lse/contracts';

/**
 * THE DISCLOSURE MATRIX: for each field a milestone can carry, the agreement sharing levels that
 * allow it and the consent scope every referred worker must currently have given. A field goes
 * out only when both hold; everything else is withheld. This table is the policy: change it here,
 * and the exhaustive spec beside it says what changed.
 *
 * | field                  | status | status_and_outcome | full_with_consent | worker consent |
 * | ---------------------- | ------ | ------------------ | ----------------- | -------------- |
 * | stage                  | yes    | yes                | yes               | status         |
 * | status                 | yes    | yes                | yes               | status         |
 * | occurredOn             | yes    | yes                | yes               | status         |
 * | caseNumber             | yes    | yes                | yes               | status         |
 * | determinationOutcome   | -      | yes                | yes               | outcome        |
 * | closureReason          | -      | yes                | yes               | outcome        |
 * | backWagesAssessedCents | -      | -                  | yes               | outcome        |
 * | civilPenaltiesCents    | -      | -                  | yes               | outcome        |
 * | amountCollectedCents   | -      | -                  | yes               | outcome        |
 *
 * Level `none` allows nothing. Amounts are the workers' money: only a full-sharing agreement and
 * the outcome consent of every worker let them out.
 */
export const DISCLOSURE_MATRIX: Readonly<
  Record<DisclosedField, { readonly levels: readonly SharingLevel[]; readonly consent: ConsentScope }>
> = {
  stage: { levels: ['status', 'status_and_outcome', 'full_with_consent'], consent: 'status' },
  status: { levels: ['status', 'status_and_outcome', 'full_with_consent'], consent: 'status' },
  occurredOn: { levels: ['status', 'status_and_outcome', 'full_with_consent'], consent: 'status' },
  caseNumber: { levels: ['status', 'status_and_outcome', 'full_with_consent'], consent: 'status' },
  determinationOutcome: { levels: ['status_and_outcome', 'full_with_consent'], consent: 'outcome' },
  closureReason: { levels: ['status_and_outcome', 'full_with_consent'], consent: 'outcome' },
  backWagesAssessedCents: { levels: ['full_with_consent'], consent: 'outcome' },
  civilPenaltiesCents: { levels: ['full_with_consent'], consent: 'outcome' },
  amountCollectedCents: { levels: ['full_with_consent'], consent: 'outcome' },
};

/** May `field` go out under `level` when the workers' consents are `consents` (one scope list each)? */
export function fieldAllowed(
  field: DisclosedField,
  level: SharingLevel,
  consents: ReadonlyArray<readonly ConsentScope[]>,
): boolean {
  const rule = DISCLOSURE_MATRIX[field];
  return (
    rule.levels.includes(level) && consents.length > 0 && consents.every((s) => s.includes(rule.consent))
  );
}
