import type { Employer, FindEmployerQuery } from '@lse/contracts';
import type { DataSource } from 'typeorm';
import { normalizeAddress, normalizeAddressText, normalizeEmployerName, normalizeFein } from './normalize';

/** Why a row matched, with how strongly (0..1): shown to staff so they can judge the match. */
export interface MatchReason {
  kind: 'fein' | 'name' | 'address';
  score: number;
  detail: string;
}

export interface EmployerCase {
  caseId: string;
  status: string;
  caseNumber: string | null;
  receivedAt: string;
  /** How the employer is on the case: `named_in_complaint` and/or the investigation's liability roles. */
  roles: string[];
  /** A violation was found on the case against this employer. */
  violationFound: boolean;
}

export interface EmployerMatch {
  /** The FEIN digits when known, otherwise the normalized name: what groups the cases. */
  employerKey: string;
  names: string[];
  normalizedName: string;
  normalizedAddresses: string[];
  /** The best score of the group's rows: 1 for the same FEIN or the same normalized name. */
  score: number;
  /** The strongest reason of each kind among the group's rows. */
  reasons: MatchReason[];
  complaints: EmployerCase[];
  /** Cases opened against this employer. */
  priorCases: number;
  /** Cases with violations found against this employer: the repeat-violator signal. */
  casesWithViolations: number;
}

const MAX_ROWS = 500;
/**
 * Least trigram similarity (pg_trgm) for a name or an address to count as a match: below these,
 * different businesses on the same street or with a common word ("car wash") come up.
 */
export const NAME_SIMILARITY = 0.5;
export const ADDRESS_SIMILARITY = 0.7;

interface Probe {
  name: string | null;
  fein: string | null;
  address: string | null;
  excludeCaseId?: string;
}

interface Row {
  case_id: string;
  ref: string;
  role: string | null;
  normalized_name: string;
  fein: string | null;
  normalized_address: string;
  employer_name: string;
  status: string;
  case_number: string | null;
  received_at: Date;
  name_score: number;
  address_score: number;
  violation_found: boolean;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Rows of the employer index (the complaints' employers and those the investigations added, with
 * their case's number and status) that match by FEIN, by name or by address. Names and addresses
 * are found among the distinct terms (employer_terms, trigram-indexed once each: see migration
 * 1769500001000), where `%` (pg_trgm's similarity operator, threshold 0.3) finds candidates, and
 * the rows holding those terms by b-tree; the thresholds above then decide. A row whose FEIN
 * differs from the one asked for is another business with a similar name or address, so it is
 * left out.
 */
async function matchingRows(ds: DataSource, schema: string, probe: Probe): Promise<Row[]> {
  const s = `"${schema}"`;
  const terms = (kind: 'name' | 'address', param: string) =>
    `SELECT term FROM ${s}.employer_terms WHERE ${param}::text IS NOT NULL AND kind = '${kind}'
        AND term OPERATOR(public.%) ${param}`;
  // Each way of matching is its own indexed lookup; UNION drops a row found twice.
  const matches: Record<'fein' | 'name' | 'address', (t: string) => string> = {
    fein: (t) => `$2::text IS NOT NULL AND ${t}.fein = $2`,
    name: (t) => `${t}.normalized_name IN (${terms('name', '$1')})`,
    address: (t) => `${t}.normalized_address IN (${terms('address', '$3')})`,
  };
  const complaints = (match: (t: string) => string) => `
       SELECT e.case_id, 'complaint' AS ref, NULL::text AS role, e.normalized_name, e.fein,
              e.normalized_address, e.employer_name, e.status, e.case_number, e.received_at
         FROM ${s}.employer_index e
        WHERE ${match('e')} AND ($4::uuid IS NULL OR e.case_id <> $4)`;
  const added = (match: (t: string) => string) => `
       SELECT c.case_id, c.employer_id::text, c.role, c.normalized_name, c.fein, c.normalized_address,
              c.employer_name, e.status, e.case_number, e.received_at
         FROM ${s}.case_employers c
         JOIN ${s}.employer_index e ON e.case_id = c.case_id
        WHERE ${match('c')} AND ($4::uuid IS NULL OR c.case_id <> $4)`;
  const ways = Object.values(matches);
  return ds.query<Row[]>(
    `WITH rows AS (
       ${[...ways.map(complaints), ...ways.map(added)].join('\n       UNION\n')}
     ), m AS (
       SELECT rows.*,
              CASE WHEN $1::text IS NULL THEN 0 ELSE public.similarity(normalized_name, $1) END AS name_score,
              CASE WHEN $3::text IS NULL THEN 0 ELSE public.similarity(normalized_address, $3) END AS address_score
         FROM rows
     )
     SELECT m.*,
            -- The complaint's employer is the one the case is about; an added one, when named.
            EXISTS (SELECT 1 FROM ${s}.case_violations v
                     WHERE v.case_id = m.case_id AND (m.ref = 'complaint' OR m.ref = ANY (v.employer_ids::text[])))
              AS violation_found
       FROM m
      WHERE (($2::text IS NOT NULL AND m.fein = $2)
             OR (($2::text IS NULL OR m.fein IS NULL)
                 AND (m.name_score >= ${NAME_SIMILARITY} OR m.address_score >= ${ADDRESS_SIMILARITY})))
      -- Ties (the same score and day) by case number, then id: the same list every time.
      ORDER BY greatest(m.name_score, m.address_score) DESC, m.received_at ASC, m.case_number ASC NULLS LAST, m.case_id
      LIMIT ${MAX_ROWS}`,
    [probe.name, probe.fein, probe.address, probe.excludeCaseId ?? null],
  );
}

function reasonsOf(row: Row, probe: Probe): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (probe.fein && row.fein === probe.fein) reasons.push({ kind: 'fein', score: 1, detail: 'same FEIN' });
  if (probe.name && row.name_score >= NAME_SIMILARITY) {
    const score = row.normalized_name === probe.name ? 1 : round(row.name_score);
    reasons.push({
      kind: 'name',
      score,
      detail:
        score === 1
          ? `same name once normalized ("${row.normalized_name}")`
          : `name "${row.normalized_name}" is ${score.toFixed(2)} similar to "${probe.name}"`,
    });
  }
  if (probe.address && row.address_score >= ADDRESS_SIMILARITY) {
    const score = row.normalized_address === probe.address ? 1 : round(row.address_score);
    reasons.push({
      kind: 'address',
      score,
      detail:
        score === 1
          ? 'same address once normalized'
          : `address "${row.normalized_address}" is ${score.toFixed(2)} similar to "${probe.address}"`,
    });
  }
  return reasons;
}

const schemaOf = (ds: DataSource) => (ds.options as { schema?: string }).schema as string;

/** Employers like the one asked for (FEIN, name, address), grouped by business, best match first. */
export async function findEmployer(ds: DataSource, query: FindEmployerQuery): Promise<EmployerMatch[]> {
  const probe: Probe = {
    fein: normalizeFein(query.fein),
    name: query.name ? normalizeEmployerName(query.name) : null,
    address: query.address ? normalizeAddressText(query.address) : null,
  };
  const rows = await matchingRows(ds, schemaOf(ds), probe);
  const groups = new Map<string, EmployerMatch & { opened: Set<string>; violations: Set<string> }>();
  for (const row of rows) {
    const key = row.fein ?? row.normalized_name;
    const group = groups.get(key) ?? {
      employerKey: key,
      names: [],
      normalizedName: row.normalized_name,
      normalizedAddresses: [],
      score: 0,
      reasons: [],
      complaints: [],
      priorCases: 0,
      casesWithViolations: 0,
      opened: new Set<string>(),
      violations: new Set<string>(),
    };
    if (!group.names.includes(row.employer_name)) group.names.push(row.employer_name);
    if (row.normalized_address && !group.normalizedAddresses.includes(row.normalized_address))
      group.normalizedAddresses.push(row.normalized_address);
    for (const reason of reasonsOf(row, probe)) {
      const at = group.reasons.findIndex((r) => r.kind === reason.kind);
      if (at < 0) group.reasons.push(reason);
      else if (reason.score > group.reasons[at].score) group.reasons[at] = reason;
      group.score = Math.max(group.score, reason.score);
    }
    const role = row.ref === 'complaint' ? 'named_in_complaint' : (row.role ?? 'unknown');
    const onCase = group.complaints.find((c) => c.caseId === row.case_id);
    if (onCase) {
      if (!onCase.roles.includes(role)) onCase.roles.push(role);
      onCase.violationFound ||= row.violation_found;
    } else
      group.complaints.push({
        caseId: row.case_id,
        status: row.status,
        caseNumber: row.case_number,
        receivedAt: new Date(row.received_at).toISOString(),
        roles: [role],
        violationFound: row.violation_found,
      });
    if (row.case_number) group.opened.add(row.case_id);
    if (row.violation_found) group.violations.add(row.case_id);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ opened, violations, ...g }) => ({
      ...g,
      complaints: g.complaints.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)),
      reasons: g.reasons.sort((a, b) => b.score - a.score),
      priorCases: opened.size,
      casesWithViolations: violations.size,
    }))
    .sort((a, b) => b.score - a.score);
}

/**
 * Case numbers of other cases with violations found against the same employer (the
 * repeat-violator factor of triage): FEINs must agree when both are known; otherwise a name or
 * address close enough decides.
 */
export async function priorCaseNumbers(
  ds: DataSource,
  employer: Employer,
  excludeCaseId: string,
): Promise<string[]> {
  const rows = await matchingRows(ds, schemaOf(ds), {
    fein: normalizeFein(employer.fein),
    name: normalizeEmployerName(employer.name),
    address: normalizeAddress(employer.address),
    excludeCaseId,
  });
  const numbers = new Map<string, number>();
  for (const r of rows)
    if (r.violation_found && r.case_number) numbers.set(r.case_number, new Date(r.received_at).getTime());
  return [...numbers].sort((a, b) => a[1] - b[1]).map(([n]) => n);
}
