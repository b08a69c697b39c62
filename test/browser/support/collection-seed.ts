/**
 * A collection case seeded through the public API, as test/e2e/collections.e2e.spec.ts reaches
 * it: a complaint opened through intake; the investigation assigned, two jointly liable employers
 * (direct and joint), hours for three workers, back wages computed, a determination proposed,
 * approved and issued; collections opens its case from the DeterminationIssued over JetStream.
 *
 * Back wages by hand (FLSA, straight time paid for every hour, damages equal to back wages):
 * Rosa 50 h at $10.00: 10 overtime hours x $5.00 = $50.00, doubled $100.00; Ben $405.00 piece
 * work for 45 h: 5 x $4.50 = $22.50, doubled $45.00; Cruz a flat $300.00 for 60 h: minimum wage
 * $435.00 - $300.00 = $135.00 plus 20 x $3.625 = $72.50, doubled $415.00. Total $560.00.
 */
import { PLANTED_NAME, receiveInput } from '@lse/intake-domain/test/fixtures';
import { eventually } from '@lse/testing';
import type { Api } from '../../support/http';

export const OWED = { rosa: 10_000, ben: 4_500, cruz: 41_500 };
export const TOTAL = OWED.rosa + OWED.ben + OWED.cruz;
export const DIRECT = 'Golden Gate Car Wash LLC';
export const JOINT = 'Sparkle Staffing Inc';
export const WORKERS = { rosa: PLANTED_NAME, ben: 'Ben Open-Worker', cruz: 'Cruz Far-Away' };

const OFFICER = { as: 'intake_officer' as const, sub: 'olga.collections-seed' };
const SUP = { as: 'supervisor' as const, sub: 'sue.collections-seed' };
const INV = { as: 'investigator' as const, sub: 'ivan.collections-seed' };

async function ok(what: string, res: Promise<{ status: number; body: unknown }>) {
  const answer = await res;
  if (answer.status !== 200 && answer.status !== 201)
    throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, unknown>;
}

/** The case id of a collection case opened from an issued determination, once collections has it. */
export async function seedCollectionCase(api: Api, gatewayUrl: string): Promise<string> {
  const received = await ok(
    'receiving',
    api.request('POST', '/complaints', { ...OFFICER, body: receiveInput() }),
  );
  const caseId = received.caseId as string;
  const steps: Array<[string, unknown]> = [
    ['jurisdiction-assessment', { inJurisdiction: true, statutes: ['FLSA'], reason: 'Covered car wash.' }],
    ['limitations-assessment', { statute: 'FLSA', willful: false }],
    ['triage', {}],
    ['open', {}],
  ];
  for (const [i, [path, body]] of steps.entries())
    await ok(
      path,
      api.request('POST', `/complaints/${caseId}/${path}`, {
        ...OFFICER,
        body,
        headers: { 'if-match': `"${i + 1}"` },
      }),
    );
  await eventually(
    () => api.request('GET', `/cases/${caseId}/investigation`, SUP),
    (r) => r.status === 200,
    { timeoutMs: 30_000, intervalMs: 150, what: 'the investigation to open' },
  );
  const inv = (path: string, who: typeof SUP | typeof INV, body: unknown) =>
    ok(path, api.request('POST', `/cases/${caseId}/investigation/${path}`, { ...who, body }));
  await inv('assignment', SUP, { investigatorId: INV.sub });
  const direct = await inv('employers', INV, {
    name: DIRECT,
    fein: '94-1234567',
    role: 'direct',
    basis: 'Hires and pays the washers.',
  });
  await inv('employers', INV, { name: JOINT, role: 'joint', basis: 'Supplies and schedules the washers.' });
  const csv = [
    'worker_ref,worker_name,week_start,d1,d2,d3,d4,d5,d6,d7,hourly_rate,paid_hours,piece,salary',
    `E-1,${PLANTED_NAME},2025-03-09,10,10,10,10,10,0,0,10.00,50,,`,
    'E-2,Ben Open-Worker,2025-03-02,9,9,9,9,9,0,0,,,405.00,',
    'E-3,Cruz Far-Away,2025-03-02,10,10,10,10,10,10,0,,,,300.00',
  ].join('\n');
  const hours = await fetch(
    `${gatewayUrl}/api/v1/cases/${caseId}/investigation/hours-and-wages?employerId=${direct.id as string}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${await api.token(INV.as, INV.sub)}`, 'content-type': 'text/csv' },
      body: csv,
    },
  );
  if (hours.status !== 200) throw new Error(`hours answered ${hours.status}`);
  await inv('back-wage-computations', INV, { ruleSetIds: ['US-FLSA'] });
  const proposed = await inv('determination/proposal', INV, { summary: 'Back wages owed to three workers.' });
  const determinationId = proposed.id as string;
  await inv('determination/approval', SUP, { determinationId });
  await inv('determination/issue', SUP, { determinationId });
  await eventually(
    () =>
      api.request<{ totals?: { assessedCents: number } }>('GET', `/collections/${caseId}`, {
        as: 'collections_officer',
      }),
    (r) => r.status === 200 && r.body.totals?.assessedCents === TOTAL,
    { timeoutMs: 60_000, intervalMs: 200, what: 'collections to open the case' },
  );
  return caseId;
}

/** A calendar date `days` from today (UTC, the collections service's calendar). */
export function dayFromToday(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
