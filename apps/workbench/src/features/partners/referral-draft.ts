import type { paths } from '../../api/schema';
import type { AllegationType } from '../complaints/complaint-types';
import {
  dollarsToCents,
  emptyAllegation,
  type AddressDraft,
  type AllegationDraft,
  type ClientErrors,
  type DraftMessages,
} from '../complaints/intake-draft';
import type { ConsentScope } from './partner-api';

/** POST /api/v1/referrals: what the referral form sends. */
export type SubmitReferralBody =
  paths['/api/v1/referrals']['post']['requestBody']['content']['application/json'];
type WorkerBody = SubmitReferralBody['workers'][number];

/*
 * The referral form holds what was typed, as typed, like the intake form (intake-draft.ts): the
 * body is made at submission, blanks left out, amounts to integer cents, and each worker's
 * consent is exactly the scopes ticked for that worker (none ticked is a referral without
 * consent to tell the partner anything).
 */

export interface WorkerDraft {
  /** Local, for React keys only: the API assigns workerId. */
  key: string;
  name: string;
  phone: string;
  email: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  confidentialityRequested: boolean;
  consent: ConsentScope[];
}

export interface ReferralDraft {
  office: string;
  agreementId: string;
  workers: WorkerDraft[];
  employer: { name: string; tradeName: string; address: AddressDraft; fein: string; naics: string };
  allegations: AllegationDraft[];
}

let nextKey = 0;

export function emptyWorker(): WorkerDraft {
  return {
    key: `w${++nextKey}`,
    name: '',
    phone: '',
    email: '',
    preferredLanguage: '',
    interpreterNeeded: false,
    confidentialityRequested: false,
    consent: [],
  };
}

export function emptyReferral(): ReferralDraft {
  return {
    office: '',
    agreementId: '',
    workers: [emptyWorker()],
    employer: {
      name: '',
      tradeName: '',
      address: { street: '', city: '', state: '', postalCode: '' },
      fein: '',
      naics: '',
    },
    allegations: [emptyAllegation()],
  };
}

const optional = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

export function toSubmitBody(
  draft: ReferralDraft,
  messages: DraftMessages,
): { body: SubmitReferralBody; errors: ClientErrors } {
  const errors: ClientErrors = [];
  const workers: WorkerBody[] = draft.workers.map((w) => ({
    name: w.name.trim(),
    phone: optional(w.phone),
    email: optional(w.email),
    preferredLanguage: w.preferredLanguage.trim(),
    interpreterNeeded: w.interpreterNeeded,
    confidentialityRequested: w.confidentialityRequested,
    consent: { scopes: (['status', 'outcome'] as const).filter((s) => w.consent.includes(s)) },
  }));
  const allegations = draft.allegations.map((a, i) => {
    const count = a.workersAffected.trim();
    if (!/^\d+$/.test(count))
      errors.push({ path: `allegations.${i}.workersAffected`, message: messages.wholeNumber });
    let estimatedAmountCents: number | undefined;
    if (a.estimatedAmount.trim() !== '') {
      const cents = dollarsToCents(a.estimatedAmount);
      if (cents === null)
        errors.push({ path: `allegations.${i}.estimatedAmountCents`, message: messages.amount });
      else estimatedAmountCents = cents;
    }
    return {
      type: a.type as AllegationType,
      periodStart: a.periodStart,
      periodEnd: a.ongoing ? undefined : optional(a.periodEnd),
      ongoing: a.ongoing,
      workersAffected: Number(count),
      estimatedAmountCents,
      description: optional(a.description),
    };
  });
  const { employer } = draft;
  const body: SubmitReferralBody = {
    office: draft.office.trim().toUpperCase(),
    workers,
    employer: {
      name: employer.name.trim(),
      tradeName: optional(employer.tradeName),
      address: {
        street: employer.address.street.trim(),
        city: employer.address.city.trim(),
        state: employer.address.state.trim().toUpperCase(),
        postalCode: employer.address.postalCode.trim(),
      },
      fein: optional(employer.fein),
      naics: optional(employer.naics),
    },
    allegations,
    agreementId: optional(draft.agreementId),
  };
  // JSON leaves undefined out anyway; dropping it here keeps the body equal to what is sent.
  return { body: JSON.parse(JSON.stringify(body)) as SubmitReferralBody, errors };
}
