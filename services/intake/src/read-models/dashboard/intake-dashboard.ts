import type { DashboardQuery, IntakeDashboard, InvestigationAgeBucket } from '@lse/contracts';
import type { IsoDate } from '@lse/domain';
import type { TargetedIndustry } from '@lse/intake-domain';
import type { DataSource } from 'typeorm';

/*
 * Intake's part of the manager dashboard, from the complaint queue and the case index. Complaints
 * count by the day (UTC) they were received, cases by the day they were opened; open
 * investigations (a case opened or under investigation, no determination issued yet) are aged
 * against `today`, whatever the period. Office and industry filter every figure: a complaint's
 * office for complaints, the case's office for cases; the industry is the employer's NAICS sector.
 */

const SECTOR = `coalesce(left(q.naics, 2), 'unknown')`;
const AGE_SQL = `CASE WHEN age <= 30 THEN '0-30' WHEN age <= 90 THEN '31-90' WHEN age <= 180 THEN '91-180'
  WHEN age <= 365 THEN '181-365' ELSE '365+' END`;
const AGE_ORDER: readonly InvestigationAgeBucket[] = ['0-30', '31-90', '91-180', '181-365', '365+'];

/** Where clauses over complaint_queue q (and case_index c), numbered after `params`. */
function filtersOf(query: DashboardQuery, params: unknown[], officeOf: 'q' | 'c', dateOf?: string): string {
  const where = ['true'];
  if (query.office) where.push(`${officeOf}.office = $${params.push(query.office)}`);
  if (query.industry) where.push(`left(q.naics, 2) = $${params.push(query.industry)}`);
  if (dateOf && query.from)
    where.push(`(${dateOf} AT TIME ZONE 'UTC')::date >= $${params.push(query.from)}::date`);
  if (dateOf && query.to)
    where.push(`(${dateOf} AT TIME ZONE 'UTC')::date <= $${params.push(query.to)}::date`);
  return where.join(' AND ');
}

const num = (v: unknown) => Number(v);
/** Days to one decimal, from seconds; null when there is nothing to measure. */
const days = (v: unknown) => (v == null ? null : Math.round((Number(v) / 86_400) * 10) / 10);

export async function intakeDashboard(
  ds: DataSource,
  schema: string,
  query: DashboardQuery,
  today: IsoDate,
  targetedIndustries: readonly TargetedIndustry[],
): Promise<IntakeDashboard> {
  const queue = `"${schema}".complaint_queue q`;
  const opened = `"${schema}".case_index c JOIN "${schema}".complaint_queue q USING (case_id)`;
  const run = async (sql: (params: unknown[]) => string, seed: unknown[] = []) => {
    const params = [...seed];
    const text = sql(params);
    return ds.query<Record<string, unknown>[]>(text, params);
  };

  const [channels, languages, timing, ageing, complaintsBy, casesBy] = await Promise.all([
    run(
      (p) => `SELECT channel, count(*) AS n FROM ${queue}
               WHERE ${filtersOf(query, p, 'q', 'q.received_at')} GROUP BY 1 ORDER BY 2 DESC, 1`,
    ),
    run(
      (p) => `SELECT coalesce(language, 'und') AS language, count(*) AS n FROM ${queue}
               WHERE ${filtersOf(query, p, 'q', 'q.received_at')} GROUP BY 1 ORDER BY 2 DESC, 1`,
    ),
    run(
      (p) => `SELECT count(*) AS n,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS p50,
                 percentile_cont(0.75) WITHIN GROUP (ORDER BY s) AS p75,
                 percentile_cont(0.9) WITHIN GROUP (ORDER BY s) AS p90
               FROM (SELECT greatest(0, extract(epoch FROM c.opened_at - q.received_at)) AS s FROM ${opened}
                      WHERE c.opened_at IS NOT NULL AND ${filtersOf(query, p, 'c', 'c.opened_at')}) t`,
    ),
    run(
      (p) => `SELECT ${AGE_SQL} AS bucket, count(*) AS n
               FROM (SELECT $1::date - (c.opened_at AT TIME ZONE 'UTC')::date AS age FROM ${opened}
                      WHERE c.status IN ('opened', 'under_investigation') AND ${filtersOf(query, p, 'c')}) t
              GROUP BY 1`,
      [today],
    ),
    run(
      (p) => `SELECT q.office, ${SECTOR} AS sector, count(*) AS n FROM ${queue}
               WHERE ${filtersOf(query, p, 'q', 'q.received_at')} GROUP BY 1, 2`,
    ),
    run(
      (p) => `SELECT c.office, ${SECTOR} AS sector, count(*) AS n FROM ${opened}
               WHERE c.opened_at IS NOT NULL AND ${filtersOf(query, p, 'c', 'c.opened_at')} GROUP BY 1, 2`,
    ),
  ]);

  const t = timing[0] ?? {};
  const cases = num(t.n ?? 0);
  const byAge = new Map(ageing.map((r) => [String(r.bucket), num(r.n)]));
  return {
    asOf: today,
    byChannel: channels.map((r) => ({ channel: r.channel as never, complaints: num(r.n) })),
    byLanguage: languages.map((r) => ({ language: String(r.language), complaints: num(r.n) })),
    timeToOpen: {
      cases,
      medianDays: cases ? days(t.p50) : null,
      p75Days: cases ? days(t.p75) : null,
      p90Days: cases ? days(t.p90) : null,
    },
    openInvestigations: AGE_ORDER.map((bucket) => ({ bucket, cases: byAge.get(bucket) ?? 0 })),
    byOffice: grouped(complaintsBy, casesBy, 'office'),
    byIndustry: grouped(complaintsBy, casesBy, 'sector'),
    targetedIndustries: targetedIndustries.map((i) => ({
      industry: i.industry,
      naicsPrefixes: [...i.naicsPrefixes],
    })),
  };
}

/** Complaints and cases opened summed by one key, in the key's order. */
function grouped(
  complaints: Record<string, unknown>[],
  cases: Record<string, unknown>[],
  key: 'office' | 'sector',
): IntakeDashboard['byOffice'] {
  const rows = new Map<string, { group: string; complaints: number; casesOpened: number }>();
  const row = (group: string) => {
    let r = rows.get(group);
    if (!r) rows.set(group, (r = { group, complaints: 0, casesOpened: 0 }));
    return r;
  };
  for (const r of complaints) row(String(r[key])).complaints += num(r.n);
  for (const r of cases) row(String(r[key])).casesOpened += num(r.n);
  return [...rows.values()].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
