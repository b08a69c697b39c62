import {
  CONSENT_SCOPES,
  DISCLOSABLE_FIELDS,
  SHARING_LEVELS,
  type ConsentScope,
  type DisclosedField,
} from '@lse/contracts';
import { DISCLOSURE_MATRIX, fieldAllowed } from './matrix';

/*
 * The matrix written out again by hand, cell by cell, so that any change to DISCLOSURE_MATRIX
 * must be made twice. Rows: fields. Columns: sharing level x consent of the (single) worker:
 *   none | status | status_and_outcome | full_with_consent, each as 4 letters for the consents
 *   [] , [status] , [outcome] , [status, outcome]   (Y = shared, . = withheld)
 */
const EXPECTED: Record<DisclosedField, string> = {
  //                        none status s&o  full
  stage: /*               */ '.... .Y.Y .Y.Y .Y.Y',
  status: /*              */ '.... .Y.Y .Y.Y .Y.Y',
  occurredOn: /*          */ '.... .Y.Y .Y.Y .Y.Y',
  caseNumber: /*          */ '.... .Y.Y .Y.Y .Y.Y',
  determinationOutcome: /**/ '.... .... ..YY ..YY',
  closureReason: /*       */ '.... .... ..YY ..YY',
  backWagesAssessedCents: /**/ '.... .... .... ..YY',
  civilPenaltiesCents: /* */ '.... .... .... ..YY',
  amountCollectedCents: /**/ '.... .... .... ..YY',
};
const CONSENTS: ConsentScope[][] = [[], ['status'], ['outcome'], ['status', 'outcome']];

describe('the disclosure matrix, every field x sharing level x consent', () => {
  it('covers exactly the fields a disclosure can carry', () => {
    expect(Object.keys(DISCLOSURE_MATRIX).sort()).toEqual([...DISCLOSABLE_FIELDS].sort());
    expect(Object.keys(EXPECTED).sort()).toEqual([...DISCLOSABLE_FIELDS].sort());
  });

  const cases = DISCLOSABLE_FIELDS.flatMap((field) =>
    SHARING_LEVELS.flatMap((level, l) =>
      CONSENTS.map((consent, c) => {
        const cell = EXPECTED[field].replace(/ /g, '')[l * 4 + c];
        return [field, level, consent.join('+') || 'no consent', cell === 'Y', consent] as const;
      }),
    ),
  );

  it(`has ${DISCLOSABLE_FIELDS.length * SHARING_LEVELS.length * CONSENTS.length} cells`, () => {
    expect(cases).toHaveLength(9 * 4 * 4);
  });

  it.each(cases)('%s under %s with %s: shared = %s', (field, level, _label, shared, consent) => {
    expect(fieldAllowed(field, level, [consent])).toBe(shared);
  });

  it('with several workers the narrowest consent decides, and no worker means nothing goes out', () => {
    for (const field of DISCLOSABLE_FIELDS) {
      for (const level of SHARING_LEVELS) {
        for (const a of CONSENTS) {
          for (const b of CONSENTS) {
            const both = fieldAllowed(field, level, [a, b]);
            expect(both).toBe(fieldAllowed(field, level, [a]) && fieldAllowed(field, level, [b]));
          }
        }
        expect(fieldAllowed(field, level, [])).toBe(false);
      }
    }
    expect(CONSENT_SCOPES).toEqual(['status', 'outcome']);
  });

  it('amounts go out only under full_with_consent with outcome consent', () => {
    const amounts = DISCLOSABLE_FIELDS.filter((f) => f.endsWith('Cents'));
    expect(amounts).toHaveLength(3);
    for (const f of amounts)
      expect(DISCLOSURE_MATRIX[f]).toEqual({ levels: ['full_with_consent'], consent: 'outcome' });
  });
});
