import { addDays, type IsoDate } from '@lse/domain';
import { eventually, type DemoApi } from './api';
import { OFFICE, PARTNERS, REGION, STAFF, type PartnerKey, type PartnerSpec } from './data';

export interface PartnerOnFile {
  key: PartnerKey;
  id: string;
  name: string;
  agreementId: string;
  sharingLevel: string;
  /** Whether this run registered it (false: found from an earlier run). */
  registered: boolean;
}

type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * The three partners with signed agreements. Partners outlive cases, so a re-run finds them by
 * name (and their agreement in force) instead of registering them twice.
 */
export async function ensurePartners(
  api: DemoApi,
  today: IsoDate,
  log: (line: string) => void,
  waitMs: number,
): Promise<Record<PartnerKey, PartnerOnFile>> {
  const out = {} as Record<PartnerKey, PartnerOnFile>;
  for (const key of Object.keys(PARTNERS) as PartnerKey[]) {
    const spec = PARTNERS[key];
    let id = await findPartner(api, spec);
    const registered = !id;
    if (!id) {
      const res = await api.post<{ id: string }>('/partners', STAFF.liaison, {
        name: spec.name,
        type: spec.type,
        languages: spec.languages,
        industries: spec.industries,
        region: REGION,
        office: OFFICE,
        contacts: spec.contacts,
      });
      id = res.body.id;
    }
    let agreementId = registered ? undefined : await findAgreement(api, id, spec, today);
    if (!agreementId) {
      agreementId = await signAgreement(api, id, spec, today);
      // Disclosure decisions read the agreements in force from partners' read model: wait for it.
      const signed = agreementId;
      await eventually(
        () => findAgreement(api, id, spec, today, signed),
        (found) => found === signed,
        `the agreement with ${spec.name} to be in force`,
        waitMs,
      );
    }
    out[key] = {
      key,
      id,
      name: spec.name,
      agreementId,
      sharingLevel: spec.agreement.sharingLevel,
      registered,
    };
    log(
      `partner ${registered ? 'registered' : 'found'}: ${spec.name} (${spec.type}), agreement ${spec.agreement.type} sharing "${spec.agreement.sharingLevel}"`,
    );
  }
  return out;
}

async function findPartner(api: DemoApi, spec: PartnerSpec): Promise<string | undefined> {
  let cursor: string | null = null;
  do {
    const query: string = `/partners?type=${spec.type}&active=true&limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const page: Page<{ id: string; name: string }> = (
      await api.get<Page<{ id: string; name: string }>>(query, STAFF.liaison)
    ).body;
    const found = page.items.find((p) => p.name === spec.name);
    if (found) return found.id;
    cursor = page.nextCursor;
  } while (cursor);
  return undefined;
}

/** An agreement of this partner in force today and for at least a month more, with the demo's sharing level. */
async function findAgreement(
  api: DemoApi,
  partnerId: string,
  spec: PartnerSpec,
  today: IsoDate,
  wanted?: string,
): Promise<string | undefined> {
  const page = await api.get<
    Page<{ id: string; sharingLevel?: string; effectiveOn?: string; expiresOn?: string }>
  >(`/agreements?partnerId=${partnerId}&status=active&limit=100`, STAFF.liaison);
  return page.body.items.find(
    (a) =>
      (wanted === undefined || a.id === wanted) &&
      a.sharingLevel === spec.agreement.sharingLevel &&
      (a.effectiveOn ?? today) <= today &&
      (a.expiresOn ?? today) > addDays(today, 30),
  )?.id;
}

async function signAgreement(
  api: DemoApi,
  partnerId: string,
  spec: PartnerSpec,
  today: IsoDate,
): Promise<string> {
  const drafted = await api.post<{ id: string; version: number }>('/agreements', STAFF.liaison, {
    type: spec.agreement.type,
    title: spec.agreement.title,
    partnerIds: [partnerId],
    agencyParty: 'Office of Labor Standards Enforcement',
    scope: ['outreach', 'referrals'],
    sharingLevel: spec.agreement.sharingLevel,
    effectiveOn: addDays(today, -30),
    expiresOn: addDays(today, 2 * 365),
    clauses: [{ clauseId: 'sharing', title: 'What the agency shares', text: spec.agreement.clause }],
  });
  await api.post(
    `/agreements/${drafted.body.id}/signature`,
    STAFF.liaison,
    { signatories: ['Director, Office of Labor Standards Enforcement', spec.contacts[1].name] },
    { ifMatch: drafted.body.version ?? 1 },
  );
  return drafted.body.id;
}
