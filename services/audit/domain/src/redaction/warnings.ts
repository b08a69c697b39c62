import { recordWarnings } from '../records/sections';
import type { FoiaPackage } from './package';

/**
 * What a FOIA officer must hear before releasing: a requested case with no records at or
 * before the cut-off (a cut-off before the case existed, or a mistyped case id), and a package
 * with no records at all. Not part of the package or its digest: a warning, not a refusal, since
 * "no records" is itself a lawful answer to a request.
 */
export function packageWarnings(
  pkg: Pick<FoiaPackage, 'cutoff' | 'cases' | 'summary' | 'records'>,
  /** When each case's first record was made, for the cases that have any after the cut-off. */
  firstRecordedAt: Record<string, string> = {},
): string[] {
  const warnings: string[] = [...recordWarnings(pkg.records, pkg.cutoff)];
  // A request naming records only has no case to be empty of (recordWarnings speaks for those).
  if (pkg.summary.records === 0 && pkg.cases.length > 0)
    warnings.push(
      `The package is empty: none of the ${pkg.cases.length} requested case(s) has a record at or before the cut-off ${pkg.cutoff}.`,
    );
  for (const c of pkg.cases) {
    if (c.records.length > 0) continue;
    const first = firstRecordedAt[c.caseId];
    warnings.push(
      first
        ? `Case ${c.caseId} has no records at or before the cut-off ${pkg.cutoff}; its first record is of ${first}: choose a later cut-off to include it.`
        : `Case ${c.caseId} has no records at all: check the case id.`,
    );
  }
  return warnings;
}
