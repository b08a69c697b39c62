import { addDays, type IsoDate } from '@lse/domain';
import { eventually, type DemoApi } from './api';
import { STAFF } from './data';
import { versionOf } from './intake';

export interface CarWashCollection {
  debtors: Array<{ debtorId: string; name: string; role: string }>;
  workers: Array<{ workerId: string; name: string; confidentialityRequested: boolean }>;
  assessedCents: number;
  payments: Array<{ debtor: string; amountCents: number; method: string }>;
  disbursed: Array<{ workerId: string; amountCents: number }>;
  /** An instant after the last disbursement and before the case closed: the FOIA cut-off. */
  cutoff: string;
}

type CaseView = {
  debtors: CarWashCollection['debtors'];
  workers: CarWashCollection['workers'];
  totals: { assessedCents: number; collectedCents?: number };
};
type Recorded = { recorded: Array<{ type: string; data: Record<string, unknown> }> };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Collections opens its case by itself from the issued determination (DeterminationIssued over
 * JetStream). A supervisor agrees a settlement in three installments; the car wash pays the first
 * on time and the staffing agency pays off the rest; every worker is paid out; the case closes.
 */
export async function collectCarWash(
  api: DemoApi,
  caseId: string,
  today: IsoDate,
  waitMs: number,
): Promise<CarWashCollection> {
  const opened = await eventually(
    () => api.send<CaseView>('GET', `/collections/${caseId}`, STAFF.collections),
    (r) => r.status === 200,
    `collections to open case ${caseId} (DeterminationIssued handoff)`,
    waitMs,
  );
  const { debtors, workers, totals } = opened.body;
  const total = totals.assessedCents;
  const first = Math.round(total / 3);
  await api.post(
    `/collections/${caseId}/settlement`,
    STAFF.supervisor,
    {
      amountCents: total,
      installments: [
        { dueOn: addDays(today, 14), amountCents: first },
        { dueOn: addDays(today, 44), amountCents: first },
        { dueOn: addDays(today, 74), amountCents: total - 2 * first },
      ],
      nonMonetaryTerms: [
        { kind: 'anti_retaliation', description: 'No retaliation against any worker.' },
        { kind: 'training', description: 'Wage and hour training for every manager within 90 days.' },
      ],
    },
    { ifMatch: versionOf(opened) },
  );
  const direct = debtors.find((d) => d.role === 'direct') ?? debtors[0];
  const joint = debtors.find((d) => d.role !== 'direct') ?? direct;
  const payments = [
    { debtor: direct, amountCents: first, method: 'check', reference: 'Check 10442' },
    { debtor: joint, amountCents: total - first, method: 'wire', reference: 'Wire PDS-2291' },
  ];
  for (const p of payments)
    await api.post<Recorded>(`/collections/${caseId}/payments`, STAFF.collections, {
      debtorId: p.debtor.debtorId,
      amountCents: p.amountCents,
      method: p.method,
      reference: p.reference,
    });
  const disbursed: CarWashCollection['disbursed'] = [];
  for (const w of workers) {
    const res = await api.post<Recorded>(`/collections/${caseId}/disbursements`, STAFF.collections, {
      workerId: w.workerId,
      method: w.confidentialityRequested ? 'prepaid_card' : 'check',
    });
    const amount = res.body.recorded?.[0]?.data.amountCents;
    disbursed.push({ workerId: w.workerId, amountCents: typeof amount === 'number' ? amount : NaN });
  }
  // recorded_at is the database's clock; step clear of it on both sides of the cut-off.
  await pause(50);
  const cutoff = new Date().toISOString();
  await pause(50);
  await api.post(`/collections/${caseId}/close`, STAFF.collections, {
    reason: 'paid_in_full',
    note: 'Settlement paid in full and disbursed to every worker.',
  });
  return {
    debtors,
    workers,
    assessedCents: total,
    payments: payments.map((p) => ({ debtor: p.debtor.name, amountCents: p.amountCents, method: p.method })),
    disbursed,
    cutoff,
  };
}
