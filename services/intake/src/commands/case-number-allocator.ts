import type { DataSource } from 'typeorm';

/** `LSE-<year>-<6 digits>`, the format the CaseOpened contract accepts. */
export function formatCaseNumber(year: number, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1 || n > 999_999)
    throw new Error(`case number sequence out of range: ${n}`);
  return `LSE-${year}-${String(n).padStart(6, '0')}`;
}

/**
 * Human-readable case numbers from a PostgreSQL sequence in the intake schema: unique across
 * replicas without coordination; the case index's unique constraint guards the invariant.
 * A number taken by a command that then fails is skipped, never reused.
 */
export class CaseNumberAllocator {
  constructor(
    private readonly ds: DataSource,
    private readonly schema: string,
  ) {}

  async next(openedAt: string): Promise<string> {
    const rows: Array<{ n: string }> = await this.ds.query(
      `SELECT nextval('"${this.schema}".case_number_seq') AS n`,
    );
    return formatCaseNumber(new Date(openedAt).getUTCFullYear(), Number(rows[0].n));
  }
}
