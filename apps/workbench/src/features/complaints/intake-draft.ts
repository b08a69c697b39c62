import type {
  AllegationBody,
  AllegationType,
  Channel,
  ComplainantBody,
  ComplainantRole,
  ReceiveComplaintBody,
} from './complaint-types';
import { REFERRAL_CHANNELS } from './complaint-types';

/*
 * The intake form holds what was typed, as typed (strings), so nothing is lost or reformatted when
 * the server refuses it. `toReceiveBody` turns it into the API's body at submission: blanks left
 * out, dollars to integer cents, and only the errors the server could not name itself (an amount
 * or a count that is not a number never reaches it as one).
 */

export interface AddressDraft {
  street: string;
  city: string;
  state: string;
  postalCode: string;
}

export interface ComplainantDraft {
  /** Local, for React keys only: the API assigns complainantId. */
  key: string;
  role: ComplainantRole;
  name: string;
  phone: string;
  email: string;
  address: AddressDraft;
  preferredLanguage: string;
  /** A language not in the list: typed as a tag. */
  otherLanguage: boolean;
  interpreterNeeded: boolean;
  confidentialityRequested: boolean;
}

export interface AllegationDraft {
  key: string;
  type: AllegationType | '';
  periodStart: string;
  periodEnd: string;
  ongoing: boolean;
  workersAffected: string;
  estimatedAmount: string;
  description: string;
}

export interface IntakeDraft {
  channel: Channel | '';
  referralId: string;
  /** datetime-local (the officer's time zone); blank means now. */
  receivedAt: string;
  office: string;
  complainants: ComplainantDraft[];
  employer: {
    name: string;
    tradeName: string;
    address: AddressDraft;
    fein: string;
    naics: string;
  };
  allegations: AllegationDraft[];
  intakeNotes: string;
}

let nextKey = 0;
const key = () => `k${++nextKey}`;
const emptyAddress = (): AddressDraft => ({ street: '', city: '', state: '', postalCode: '' });

export function emptyComplainant(): ComplainantDraft {
  return {
    key: key(),
    role: 'worker',
    name: '',
    phone: '',
    email: '',
    address: emptyAddress(),
    preferredLanguage: '',
    otherLanguage: false,
    interpreterNeeded: false,
    confidentialityRequested: false,
  };
}

export function emptyAllegation(): AllegationDraft {
  return {
    key: key(),
    type: '',
    periodStart: '',
    periodEnd: '',
    ongoing: false,
    workersAffected: '1',
    estimatedAmount: '',
    description: '',
  };
}

export function emptyDraft(): IntakeDraft {
  return {
    channel: '',
    referralId: '',
    receivedAt: '',
    office: '',
    complainants: [emptyComplainant()],
    employer: { name: '', tradeName: '', address: emptyAddress(), fein: '', naics: '' },
    allegations: [emptyAllegation()],
    intakeNotes: '',
  };
}

/** A blank field is left out of the body (the API's optional fields), never sent as "". */
const optional = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/** "$1,234.5" -> 123450 cents, exactly (no floating point); null when it is not an amount. */
export function dollarsToCents(input: string): number | null {
  const s = input.trim().replace(/^\$/, '').replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

function address(a: AddressDraft, always: boolean): ComplainantBody['address'] | undefined {
  const parts = [a.street, a.city, a.state, a.postalCode];
  if (!always && parts.every((p) => p.trim() === '')) return undefined;
  return {
    street: a.street.trim(),
    city: a.city.trim(),
    state: a.state.trim().toUpperCase(),
    postalCode: a.postalCode.trim(),
  };
}

/** Errors found before sending, by the API's paths, in the words of the `messages` given. */
export type ClientErrors = { path: string; message: string }[];

export interface DraftMessages {
  wholeNumber: string;
  amount: string;
}

export function toReceiveBody(
  draft: IntakeDraft,
  messages: DraftMessages,
): { body: ReceiveComplaintBody; errors: ClientErrors } {
  const errors: ClientErrors = [];
  const complainants: ComplainantBody[] = draft.complainants.map((c) => ({
    role: c.role,
    // An anonymous complainant has no name (the API refuses one): what was typed stays in the form.
    // A missing name is left to the API, whose error says a worker or representative needs one.
    name: c.role === 'anonymous' ? undefined : optional(c.name),
    phone: optional(c.phone),
    email: optional(c.email),
    address: address(c.address, false),
    preferredLanguage: c.preferredLanguage.trim(),
    interpreterNeeded: c.interpreterNeeded,
    confidentialityRequested: c.confidentialityRequested,
  }));
  const allegations = draft.allegations.map((a, i): AllegationBody => {
    const workers = a.workersAffected.trim();
    if (!/^\d+$/.test(workers))
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
      workersAffected: Number(workers),
      estimatedAmountCents,
      description: optional(a.description),
    };
  });
  const channel = draft.channel as Channel;
  const body: ReceiveComplaintBody = {
    channel,
    referralId: REFERRAL_CHANNELS.includes(channel) ? optional(draft.referralId) : undefined,
    receivedAt: draft.receivedAt ? localToInstant(draft.receivedAt) : undefined,
    office: draft.office.trim().toUpperCase(),
    complainants,
    employer: {
      name: draft.employer.name.trim(),
      tradeName: optional(draft.employer.tradeName),
      address: address(draft.employer.address, true)!,
      fein: optional(draft.employer.fein),
      naics: optional(draft.employer.naics),
    },
    allegations,
    intakeNotes: optional(draft.intakeNotes),
  };
  return { body: dropUndefined(body), errors };
}

/** A datetime-local value (the browser's time zone) as an instant with its offset. */
function localToInstant(local: string): string | undefined {
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
}

/** JSON leaves undefined out anyway; dropping it here keeps the body equal to what is sent. */
function dropUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
