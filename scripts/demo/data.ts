/**
 * The people, organizations and records of the demo scenario. Realistic, and distinctive enough
 * that a test can search a public-records package for every piece of personal data planted here.
 */
import { addDays, workweekOf, type IsoDate } from '@lse/domain';
import type { Who } from './api';

export const OFFICE = 'SF-01';

/** Agency staff (token subjects). The approver is a different person from the proposer. */
export const STAFF = {
  officer: { as: 'intake_officer', sub: 'olga@agency.gov' },
  supervisor: { as: 'supervisor', sub: 'sue@agency.gov' },
  investigator: { as: 'investigator', sub: 'ivan@agency.gov' },
  secondInvestigator: { as: 'investigator', sub: 'ines@agency.gov' },
  collections: { as: 'collections_officer', sub: 'carla@agency.gov' },
  liaison: { as: 'partner_liaison', sub: 'lia@agency.gov' },
  foia: { as: 'foia_officer', sub: 'records-1@agency.gov' },
  auditor: { as: 'auditor', sub: 'ig-1@agency.gov' },
} as const satisfies Record<string, Who>;

export type PartnerKey = 'workerCenter' | 'consulate' | 'legalAid';

export interface PartnerSpec {
  name: string;
  type: 'worker_center' | 'consulate' | 'legal_aid';
  languages: string[];
  industries: string[];
  contacts: Array<{ name: string; role: string }>;
  agreement: {
    type: 'mou' | 'letter_of_arrangement' | 'data_sharing';
    title: string;
    sharingLevel: 'status' | 'status_and_outcome' | 'full_with_consent';
    clause: string;
  };
  /** The staff member who files referrals (partner token sub). */
  staff: string;
}

export const PARTNERS: Record<PartnerKey, PartnerSpec> = {
  workerCenter: {
    name: 'Mission Workers Center (demo)',
    type: 'worker_center',
    languages: ['es', 'en'],
    industries: ['car_washes', 'restaurants', 'construction'],
    contacts: [
      { name: 'Rosa Medina', role: 'organizer' },
      { name: 'Luis Pacheco', role: 'director' },
    ],
    agreement: {
      type: 'letter_of_arrangement',
      title: 'Letter of arrangement: referrals and outreach',
      sharingLevel: 'status_and_outcome',
      clause: 'The agency tells the center the status and outcome of the cases it refers, never amounts.',
    },
    staff: 'rosa@mwc.example.org',
  },
  consulate: {
    name: 'Consulate General of Mexico in San Francisco (demo)',
    type: 'consulate',
    languages: ['es'],
    industries: ['restaurants', 'agriculture', 'construction'],
    contacts: [
      { name: 'Cónsul de Protección', role: 'consul' },
      { name: 'Oficina de Protección', role: 'protection officer' },
    ],
    agreement: {
      type: 'mou',
      title: 'Memorandum of understanding on the labor rights of Mexican nationals',
      sharingLevel: 'status',
      clause: 'The agency tells the consulate the status of the cases it refers, as each worker consents.',
    },
    staff: 'proteccion@consulmex-sf.example.org',
  },
  legalAid: {
    name: 'Bay Area Legal Aid Workers Project (demo)',
    type: 'legal_aid',
    languages: ['es', 'en', 'zh'],
    industries: ['restaurants', 'janitorial', 'construction'],
    contacts: [
      { name: 'Dana Whitfield', role: 'staff attorney' },
      { name: 'Min Chen', role: 'paralegal' },
    ],
    agreement: {
      type: 'data_sharing',
      title: 'Data sharing agreement: represented workers',
      sharingLevel: 'full_with_consent',
      clause: 'With each worker’s consent the agency shares status, outcome and amounts.',
    },
    staff: 'dana@baylegal.example.org',
  },
};

export const REGION = 'San Francisco Bay Area';

/** The car wash: referred by the worker center, carried from referral to disbursement. */
export const CAR_WASH = {
  employer: {
    name: 'Bayshore Suds Car Wash LLC',
    fein: '94-3141592',
    naics: '811192',
    address: { street: '2450 Bayshore Blvd', city: 'San Francisco', state: 'CA', postalCode: '94134' },
  },
  staffing: { name: 'Prime Detail Staffing Inc', basis: 'Recruits, schedules and supervises the washers.' },
  referredWorkers: [
    {
      ref: 'E-1',
      name: 'María Elena Torres',
      phone: '+1 415 555 0142',
      preferredLanguage: 'es',
      interpreterNeeded: true,
      confidentialityRequested: true,
      consent: ['status', 'outcome'],
    },
    {
      ref: 'E-2',
      name: 'José Luis Hernández',
      phone: '+1 415 555 0187',
      preferredLanguage: 'es',
      interpreterNeeded: false,
      confidentialityRequested: false,
      /** Status only at first; he widens it to the outcome once the determination is out. */
      consent: ['status'],
    },
  ],
  /** Found during the investigation (payroll). */
  coworker: { ref: 'E-3', name: 'Ana Lucía Flores' },
  prepWork: 'Interviewed María Elena and José Luis in Spanish; copied their pay stubs.',
};

/**
 * Hours and pay, one row per worker and workweek, two and three weeks before the referral.
 * FLSA by hand (each hour paid at straight time; damages equal back wages):
 *   María Elena $12.00/h, 52 h and 48 h: premium 12 x $6.00 + 8 x $6.00 = $120.00
 *   José Luis piece work $540.00 for 54 h: rate $10.00, 14 x $5.00 = $70.00
 *   Ana Lucía a flat $400.00 for 60 h: $435.00 - $400.00 = $35.00, plus 20 x $3.625 = $72.50: $107.50
 * Unpaid $297.50, with equal liquidated damages $595.00.
 */
export function carWashHoursCsv(today: IsoDate): string {
  const w1 = workweekOf(addDays(today, -28), 'sunday');
  const w2 = addDays(w1, 7);
  const [maria, jose] = CAR_WASH.referredWorkers;
  const ana = CAR_WASH.coworker;
  return [
    'worker_ref,worker_name,week_start,d1,d2,d3,d4,d5,d6,d7,hourly_rate,paid_hours,piece,salary',
    `${maria.ref},${maria.name},${w1},10,10,10,10,12,0,0,12.00,52,,`,
    `${maria.ref},${maria.name},${w2},10,10,10,10,8,0,0,12.00,48,,`,
    `${jose.ref},${jose.name},${w1},9,9,9,9,9,9,0,,,540.00,`,
    `${ana.ref},${ana.name},${w2},10,10,10,10,10,10,0,,,,400.00`,
  ].join('\n');
}

export const CAR_WASH_OWED_CENTS = {
  [CAR_WASH.referredWorkers[0].name]: 24_000,
  [CAR_WASH.referredWorkers[1].name]: 14_000,
  [CAR_WASH.coworker.name]: 21_500,
};
export const CAR_WASH_TOTAL_CENTS = 59_500;

/** The taquería: referred by the consulate, opened and under investigation. */
export const TAQUERIA = {
  employer: {
    name: 'La Palma Taquería Inc.',
    naics: '722513',
    address: { street: '2884 24th St', city: 'San Francisco', state: 'CA', postalCode: '94110' },
  },
  worker: {
    name: 'Juan Carlos Méndez Ruiz',
    phone: '+1 628 555 0119',
    preferredLanguage: 'es',
    interpreterNeeded: true,
    confidentialityRequested: false,
  },
  prepWork: 'The protection office took his declaration and verified his identity documents.',
};

/** The framing contractor: a hotline call in Spanish, cross-filed with OSHA and opened here. */
export const FRAMING = {
  employer: {
    name: 'Sunset Framing & Drywall Co.',
    naics: '238130',
    address: { street: '1701 Noriega St', city: 'San Francisco', state: 'CA', postalCode: '94122' },
  },
  caller: {
    name: 'Guadalupe Ramírez Soto',
    phone: '+1 415 555 0163',
    preferredLanguage: 'es',
    interpreterNeeded: true,
    confidentialityRequested: true,
    role: 'worker',
  },
  hazard: 'Workers frame the third floor without fall protection; two falls this month.',
};

/** Every piece of personal data the scenario plants: none may appear in a released FOIA package. */
export const PLANTED_PERSONAL_DATA: readonly string[] = [
  ...CAR_WASH.referredWorkers.flatMap((w) => [w.name, w.phone]),
  CAR_WASH.coworker.name,
  TAQUERIA.worker.name,
  TAQUERIA.worker.phone,
  FRAMING.caller.name,
  FRAMING.caller.phone,
  CAR_WASH.prepWork,
  FRAMING.hazard,
  ...Object.values(STAFF).map((s) => s.sub),
];
