import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { eventually as until } from '@lse/testing';
import { Api, ApiResponse } from '../support/http';
import type { RunningSystem } from '../support/system';
import type { Operation } from './operations';

/** Real resources the probes address, so a request that slipped past validation would reach state. */
export interface Resources {
  /** Partner A's referral; intake received it as this case's complaint, opened it, investigation opened. */
  caseId: string;
  partnerA: string;
  partnerB: string;
  agreementA: string;
  foiaRequestId: string;
}

export const LIAISON = { as: 'partner_liaison' as const, sub: 'liaison-sec' };
export const partnerOf = (org: string) => ({ as: 'partner' as const, sub: `staff-${org.slice(0, 8)}`, org });

async function ok<T = Record<string, unknown>>(
  api: Api,
  method: string,
  path: string,
  options: Parameters<Api['request']>[2],
  status: number,
): Promise<ApiResponse<T>> {
  const res = await api.request<T>(method, path, options);
  if (res.status !== status)
    throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

const eventually = <T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string, logs: () => string) =>
  until(probe, ok, { what, timeoutMs: 60_000, intervalMs: 150, details: () => logs() });

const partnerBody = (name: string) => ({
  name,
  type: 'worker_center',
  languages: ['es'],
  industries: ['car_washes'],
  region: 'San Francisco',
  office: 'SF-01',
  contacts: [{ name: 'Point Person 1' }, { name: 'Point Person 2' }],
});

/**
 * Two partner organizations, a signed agreement for A, A's referral turned into an opened case
 * (with its investigation, by reaction), and a FOIA request: every path parameter the probes fill
 * names something that exists, except ids of things the setup does not create (collection cases,
 * evidence, computations, contacts), which get fresh UUIDs.
 */
export async function createResources(system: RunningSystem, api: Api): Promise<Resources> {
  const logs = () => [...system.logs].map(([s, l]) => `--- ${s}\n${l.slice(-10).join('\n')}`).join('\n');
  const partnerA = (
    await ok<{ id: string }>(api, 'POST', '/partners', { ...LIAISON, body: partnerBody('Org A') }, 201)
  ).body.id;
  const partnerB = (
    await ok<{ id: string }>(api, 'POST', '/partners', { ...LIAISON, body: partnerBody('Org B') }, 201)
  ).body.id;
  const agreementA = (
    await ok<{ id: string }>(
      api,
      'POST',
      '/agreements',
      {
        ...LIAISON,
        body: {
          type: 'letter_of_arrangement',
          title: 'LOA',
          partnerIds: [partnerA],
          agencyParty: 'OLSE',
          scope: ['outreach', 'referrals'],
          sharingLevel: 'status',
          effectiveOn: '2020-01-01',
          expiresOn: '2099-01-01',
          clauses: [{ clauseId: 'sharing', title: 'Sharing', text: 'Case status only.' }],
        },
      },
      201,
    )
  ).body.id;
  await ok(
    api,
    'POST',
    `/agreements/${agreementA}/signature`,
    { ...LIAISON, body: { signatories: ['Director'] }, headers: { 'if-match': '"1"' } },
    200,
  );
  const caseId = (
    await ok<{ id: string }>(
      api,
      'POST',
      '/referrals',
      {
        ...partnerOf(partnerA),
        body: {
          office: 'SF-01',
          workers: [
            {
              workerId: randomUUID(),
              name: 'Ana Ruiz',
              preferredLanguage: 'es',
              interpreterNeeded: false,
              confidentialityRequested: false,
              consent: { scopes: ['status'] },
            },
          ],
          employer: {
            name: 'Golden Gate Car Wash LLC',
            address: { street: '1200 Mission St', city: 'San Francisco', state: 'CA', postalCode: '94103' },
          },
          allegations: [{ type: 'overtime', periodStart: '2025-09-01', ongoing: true, workersAffected: 8 }],
          prepWork: [],
          documents: [],
        },
      },
      201,
    )
  ).body.id;
  const officer = { as: 'intake_officer' as const, sub: 'officer-sec' };
  await eventually(
    () => api.request('GET', `/complaints/${caseId}`, officer),
    (r) => r.status === 200,
    'the referral as a complaint',
    logs,
  );
  const steps: Array<[string, unknown]> = [
    ['jurisdiction-assessment', { inJurisdiction: true, statutes: ['FLSA'], reason: 'Covered.' }],
    ['limitations-assessment', { statute: 'FLSA', willful: false }],
    ['triage', {}],
    ['open', {}],
  ];
  for (const [i, [step, body]] of steps.entries())
    await ok(
      api,
      'POST',
      `/complaints/${caseId}/${step}`,
      { ...officer, body, headers: { 'if-match': `"${i + 1}"` } },
      200,
    );
  await eventually(
    () => api.request('GET', `/cases/${caseId}/investigation`, { as: 'supervisor' }),
    (r) => r.status === 200,
    'the investigation opened by CaseOpened',
    logs,
  );
  await eventually(
    () => api.request<{ disclosures: unknown[] }>('GET', `/referrals/${caseId}`, partnerOf(partnerA)),
    (r) => r.status === 200 && r.body.disclosures.length >= 2,
    'both opening disclosures to partner A (case opened, investigation opened): nothing left in flight',
    logs,
  );
  const foiaRequestId = (
    await ok<{ requestId: string }>(
      api,
      'POST',
      '/foia-requests',
      {
        as: 'foia_officer',
        body: { requester: { name: 'A. Reporter' }, description: 'The case file.', caseIds: [caseId] },
      },
      201,
    )
  ).body.requestId;
  return { caseId, partnerA, partnerB, agreementA, foiaRequestId };
}

/** Path parameter values: the resource the path names when the setup made one, else a fresh UUID. */
export function pathValues(op: Operation, r: Resources): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [, name] of op.path.matchAll(/\{(\w+)\}/g)) {
    if (name === 'caseId') values[name] = r.caseId;
    else if (name === 'requestId') values[name] = r.foiaRequestId;
    else if (name === 'id' && op.path.startsWith('/api/v1/partners/')) values[name] = r.partnerA;
    else if (name === 'id' && op.path.startsWith('/api/v1/agreements/')) values[name] = r.agreementA;
    else if (name === 'id' && op.path.startsWith('/api/v1/referrals/')) values[name] = r.caseId;
    else values[name] = randomUUID();
  }
  return values;
}

/**
 * New events since `position` other than those the probes cause legitimately, listed explicitly:
 * RecordAccessed for reads (the gateway records each read of a case,
 * docs/architecture.md#recorded-reads) and the audit service's periodic
 * IntegrityCheckpointRecorded, which follows any new event.
 */
export const LEGITIMATE_BY_READS = ['RecordAccessed', 'IntegrityCheckpointRecorded'];

export class EventWatch {
  constructor(private readonly pool: Pool) {}

  async position(): Promise<number> {
    const { rows } = await this.pool.query(
      'SELECT coalesce(max(global_position), 0)::bigint AS p FROM event_store.events',
    );
    return Number(rows[0].p);
  }

  /** Events after `position`, except the listed legitimate types. */
  async writtenSince(
    position: number,
    legitimate: readonly string[],
  ): Promise<Array<{ type: string; stream_id: string }>> {
    const { rows } = await this.pool.query<{ type: string; stream_id: string }>(
      'SELECT type, stream_id FROM event_store.events WHERE global_position > $1 AND NOT (type = ANY($2)) ORDER BY global_position',
      [position, legitimate],
    );
    return rows;
  }
}
