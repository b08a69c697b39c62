import type { CollectionsDashboard, DashboardQuery, MoneyRow } from '@lse/contracts';
import type { DataSource } from 'typeorm';

/*
 * Collections' part of the manager dashboard: back wages assessed, collected and disbursed over
 * the collection cases opened in the period (UTC days, both ends included), in total, by month
 * opened, by office and by industry (NAICS sector), with the collection rate of each.
 */

const GROUPS = {
  month: `to_char(opened_on, 'YYYY-MM')`,
  office: 'office',
  industry: `coalesce(industry, 'unknown')`,
} as const;

const num = (v: unknown) => Number(v ?? 0);

function rowOf(r: Record<string, unknown>): MoneyRow {
  const assessedCents = num(r.assessed);
  const collectedCents = num(r.collected);
  return {
    group: typeof r.grp === 'string' ? r.grp : 'all',
    cases: num(r.cases),
    assessedCents,
    collectedCents,
    disbursedCents: num(r.disbursed),
    rate: assessedCents > 0 ? Math.round((collectedCents / assessedCents) * 10_000) / 10_000 : null,
  };
}

export async function collectionsDashboard(
  ds: DataSource,
  schema: string,
  query: DashboardQuery,
): Promise<CollectionsDashboard> {
  const params: unknown[] = [];
  const where = ['true'];
  if (query.office) where.push(`office = $${params.push(query.office)}`);
  if (query.industry) where.push(`industry = $${params.push(query.industry)}`);
  if (query.from) where.push(`opened_on >= $${params.push(query.from)}::date`);
  if (query.to) where.push(`opened_on <= $${params.push(query.to)}::date`);
  const sums = `count(*) AS cases, coalesce(sum(assessed_cents), 0) AS assessed,
    coalesce(sum(collected_cents), 0) AS collected, coalesce(sum(disbursed_cents), 0) AS disbursed`;
  const from = `"${schema}".collection_cases WHERE ${where.join(' AND ')}`;
  const by = (group: string) =>
    ds.query<Record<string, unknown>[]>(
      `SELECT ${group} AS grp, ${sums} FROM ${from} GROUP BY 1 ORDER BY 1`,
      params,
    );
  const [totals, byMonth, byOffice, byIndustry] = await Promise.all([
    ds.query<Record<string, unknown>[]>(`SELECT ${sums} FROM ${from}`, params),
    by(GROUPS.month),
    by(GROUPS.office),
    by(GROUPS.industry),
  ]);
  return {
    totals: rowOf(totals[0] ?? {}),
    byMonth: byMonth.map(rowOf),
    byOffice: byOffice.map(rowOf),
    byIndustry: byIndustry.map(rowOf),
  };
}
