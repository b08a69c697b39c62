import type { Employer, FindEmployerQuery } from '@lse/contracts';
import type { DataSource } from 'typeorm';
import { normalizeEmployerName, normalizeFein } from './normalize';
import { EmployerIndexRow } from './employer-index.entity';

export interface EmployerMatch {
  /** The FEIN digits when known, otherwise the normalized name: what groups the cases. */
  employerKey: string;
  names: string[];
  normalizedName: string;
  normalizedAddresses: string[];
  complaints: Array<{ caseId: string; status: string; caseNumber: string | null; receivedAt: string }>;
  /** Cases opened against this employer: the repeat-violator signal. */
  priorCases: number;
}

const MAX_ROWS = 500;

/**
 * Earlier complaints against an employer, by FEIN or normalized name. A name match whose FEIN
 * differs from the one asked for is another business with a similar name, so it is left out.
 */
export async function findEmployer(ds: DataSource, query: FindEmployerQuery): Promise<EmployerMatch[]> {
  const fein = normalizeFein(query.fein);
  const name = query.name ? normalizeEmployerName(query.name) : null;
  const q = ds.getRepository(EmployerIndexRow).createQueryBuilder('e');
  if (fein && name) {
    q.where('(e.fein = :fein OR (e.normalizedName = :name AND e.fein IS NULL))', { fein, name });
  } else if (fein) {
    q.where('e.fein = :fein', { fein });
  } else {
    q.where('e.normalizedName = :name', { name });
  }
  const rows = await q.orderBy('e.receivedAt', 'ASC').limit(MAX_ROWS).getMany();
  const groups = new Map<string, EmployerMatch>();
  for (const row of rows) {
    const key = row.fein ?? row.normalizedName;
    const group = groups.get(key) ?? {
      employerKey: key,
      names: [],
      normalizedName: row.normalizedName,
      normalizedAddresses: [],
      complaints: [],
      priorCases: 0,
    };
    if (!group.names.includes(row.employerName)) group.names.push(row.employerName);
    if (!group.normalizedAddresses.includes(row.normalizedAddress))
      group.normalizedAddresses.push(row.normalizedAddress);
    group.complaints.push({
      caseId: row.caseId,
      status: row.status,
      caseNumber: row.caseNumber,
      receivedAt: row.receivedAt.toISOString(),
    });
    if (row.caseNumber) group.priorCases += 1;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Case numbers of cases opened against the same employer, other than this complaint: FEINs must
 * agree when both are known; otherwise the normalized name decides.
 */
export async function priorCaseNumbers(
  ds: DataSource,
  employer: Employer,
  excludeCaseId: string,
): Promise<string[]> {
  const fein = normalizeFein(employer.fein);
  const name = normalizeEmployerName(employer.name);
  const rows = await ds
    .getRepository(EmployerIndexRow)
    .createQueryBuilder('e')
    .where('e.caseId <> :excludeCaseId', { excludeCaseId })
    .andWhere('e.caseNumber IS NOT NULL')
    .andWhere(
      fein ? '(e.fein = :fein OR (e.normalizedName = :name AND e.fein IS NULL))' : 'e.normalizedName = :name',
      { fein, name },
    )
    .orderBy('e.receivedAt', 'ASC')
    .limit(MAX_ROWS)
    .getMany();
  return rows.map((r) => r.caseNumber as string);
}
