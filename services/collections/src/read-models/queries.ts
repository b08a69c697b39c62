import type {
  AgingBucket,
  CollectionListPosition,
  CollectionRateQuery,
  ReceivableItemReply,
  InstallmentDueItemReply,
  DefaultItemReply,
} from '@lse/contracts';
import { addDays, isoDate } from '@lse/domain';
import type { DataSource } from 'typeorm';

/*
 * Lists over the read models, keyset-paged by (date, caseId[, n]); `limit` rows after `after`.
 * Dates are computed against collections' today (passed in), never the database clock.
 */

const BUCKET_SQL = `CASE WHEN ($1::date - aging_from) <= 30 THEN '0-30'
  WHEN ($1::date - aging_from) <= 60 THEN '31-60'
  WHEN ($1::date - aging_from) <= 90 THEN '61-90' ELSE '90+' END`;

export type ReceivableItem = ReceivableItemReply;

const num = (v: unknown) => Number(v);
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

export async function listReceivables(
  ds: DataSource,
  schema: string,
  filters: { office?: string; industry?: string; bucket?: AgingBucket },
  limit: number,
  after: CollectionListPosition | undefined,
  today: string,
): Promise<ReceivableItem[]> {
  const params: unknown[] = [today];
  const where = [`status = 'open'`, `outstanding_cents > 0`];
  if (filters.office) where.push(`office = $${params.push(filters.office)}`);
  if (filters.industry) where.push(`industry = $${params.push(filters.industry)}`);
  if (filters.bucket) where.push(`${BUCKET_SQL} = $${params.push(filters.bucket)}`);
  if (after)
    where.push(
      `(aging_from, case_id) > ($${params.push(after.at)}::date, $${params.push(after.caseId)}::uuid)`,
    );
  const rows = await ds.query<Record<string, unknown>[]>(
    `SELECT case_id, case_number, office, industry, debtor_names, plan_status, aging_from,
            ($1::date - aging_from) AS age_days, ${BUCKET_SQL} AS bucket,
            assessed_cents, collected_cents, written_off_cents, outstanding_cents
       FROM "${schema}".collection_cases WHERE ${where.join(' AND ')}
      ORDER BY aging_from, case_id LIMIT $${params.push(limit)}`,
    params,
  );
  return rows.map((r) => ({
    caseId: String(r.case_id),
    caseNumber: (r.case_number as string | null) ?? null,
    office: String(r.office),
    industry: (r.industry as string | null) ?? null,
    debtorNames: String(r.debtor_names),
    planStatus: String(r.plan_status),
    agingFrom: day(r.aging_from),
    ageDays: Math.max(0, num(r.age_days)),
    bucket: r.bucket as AgingBucket,
    assessedCents: num(r.assessed_cents),
    collectedCents: num(r.collected_cents),
    writtenOffCents: num(r.written_off_cents),
    outstandingCents: num(r.outstanding_cents),
  }));
}

export type InstallmentDueItem = InstallmentDueItemReply;

export async function listInstallmentsDue(
  ds: DataSource,
  schema: string,
  filters: { office?: string; industry?: string; days?: number; status?: 'due' | 'missed' },
  limit: number,
  after: CollectionListPosition | undefined,
  today: string,
): Promise<InstallmentDueItem[]> {
  const params: unknown[] = [];
  const where = [`i.paid_cents < i.amount_cents`, `c.status = 'open'`];
  // Missed: recorded missed by the installment check and still unpaid, whenever they fell due.
  if (filters.status === 'missed') where.push(`i.missed`);
  else {
    const until = addDays(isoDate(today), filters.days ?? 7);
    where.push(
      `NOT i.missed`,
      `i.due_on BETWEEN $${params.push(today)}::date AND $${params.push(until)}::date`,
    );
  }
  if (filters.office) where.push(`c.office = $${params.push(filters.office)}`);
  if (filters.industry) where.push(`c.industry = $${params.push(filters.industry)}`);
  if (after)
    where.push(
      `(i.due_on, i.case_id, i.installment_no) > ($${params.push(after.at)}::date, $${params.push(after.caseId)}::uuid, $${params.push(after.n ?? 0)}::int)`,
    );
  const rows = await ds.query<Record<string, unknown>[]>(
    `SELECT i.case_id, c.case_number, c.office, c.debtor_names, i.plan_id, i.installment_no, i.due_on, i.amount_cents, i.paid_cents
       FROM "${schema}".collection_installments i JOIN "${schema}".collection_cases c USING (case_id)
      WHERE ${where.join(' AND ')}
      ORDER BY i.due_on, i.case_id, i.installment_no LIMIT $${params.push(limit)}`,
    params,
  );
  return rows.map((r) => ({
    caseId: String(r.case_id),
    caseNumber: (r.case_number as string | null) ?? null,
    office: String(r.office),
    debtorNames: String(r.debtor_names),
    planId: String(r.plan_id),
    installmentNo: num(r.installment_no),
    dueOn: day(r.due_on),
    amountCents: num(r.amount_cents),
    paidCents: num(r.paid_cents),
    remainingCents: num(r.amount_cents) - num(r.paid_cents),
  }));
}

export type DefaultItem = DefaultItemReply;

export async function listDefaults(
  ds: DataSource,
  schema: string,
  filters: { office?: string; industry?: string },
  limit: number,
  after: CollectionListPosition | undefined,
): Promise<DefaultItem[]> {
  const params: unknown[] = [];
  const where = [`c.status = 'open'`];
  if (filters.office) where.push(`c.office = $${params.push(filters.office)}`);
  if (filters.industry) where.push(`c.industry = $${params.push(filters.industry)}`);
  if (after)
    where.push(
      `(d.declared_on, d.case_id) > ($${params.push(after.at)}::date, $${params.push(after.caseId)}::uuid)`,
    );
  const rows = await ds.query<Record<string, unknown>[]>(
    `SELECT d.case_id, c.case_number, c.office, c.debtor_names, d.plan_id, d.declared_on, d.balance_due_cents,
            d.missed_installments, c.outstanding_cents
       FROM "${schema}".collection_defaults d JOIN "${schema}".collection_cases c USING (case_id)
      WHERE ${where.join(' AND ')}
      ORDER BY d.declared_on, d.case_id LIMIT $${params.push(limit)}`,
    params,
  );
  return rows.map((r) => ({
    caseId: String(r.case_id),
    caseNumber: (r.case_number as string | null) ?? null,
    office: String(r.office),
    debtorNames: String(r.debtor_names),
    planId: String(r.plan_id),
    declaredOn: day(r.declared_on),
    balanceDueCents: num(r.balance_due_cents),
    missedInstallments: (r.missed_installments as number[]).map(Number),
    outstandingCents: num(r.outstanding_cents),
  }));
}

export interface CollectionRateRow {
  group: string;
  cases: number;
  assessedCents: number;
  collectedCents: number;
  /** collected / assessed, rounded to 4 decimals; null when nothing was assessed. */
  rate: number | null;
}

const GROUP_SQL: Record<CollectionRateQuery['groupBy'], string> = {
  office: 'office',
  industry: `coalesce(industry, 'unknown')`,
  period: `to_char(opened_on, 'YYYY-MM')`,
};

/** Collected / assessed by office, industry (NAICS sector) or month opened, within an office or sector. */
export async function collectionRate(
  ds: DataSource,
  schema: string,
  query: CollectionRateQuery,
): Promise<CollectionRateRow[]> {
  const params: unknown[] = [];
  const where = ['true'];
  if (query.office) where.push(`office = $${params.push(query.office)}`);
  if (query.industry) where.push(`industry = $${params.push(query.industry)}`);
  if (query.from) where.push(`to_char(opened_on, 'YYYY-MM') >= $${params.push(query.from)}`);
  if (query.to) where.push(`to_char(opened_on, 'YYYY-MM') <= $${params.push(query.to)}`);
  const group = GROUP_SQL[query.groupBy];
  const rows = await ds.query<Record<string, unknown>[]>(
    `SELECT ${group} AS grp, count(*) AS cases, sum(assessed_cents) AS assessed, sum(collected_cents) AS collected
       FROM "${schema}".collection_cases WHERE ${where.join(' AND ')} GROUP BY 1 ORDER BY 1`,
    params,
  );
  return rows.map((r) => {
    const assessedCents = num(r.assessed);
    const collectedCents = num(r.collected);
    return {
      group: String(r.grp),
      cases: num(r.cases),
      assessedCents,
      collectedCents,
      rate: assessedCents > 0 ? Math.round((collectedCents / assessedCents) * 10_000) / 10_000 : null,
    };
  });
}
