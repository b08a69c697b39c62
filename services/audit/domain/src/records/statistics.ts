/*
 * Statistics of a partner organization's referrals, as a public-records package gives them:
 * counts only, no worker data, and no count small enough to identify a worker.
 */

/** The referral statuses a count is given for (the partners service's referral lifecycle). */
export const REFERRAL_STATUSES = ['submitted', 'accepted', 'declined', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The complaint channel a referral comes in on (intake's rule: a consulate's is consulate_referral). */
export const REFERRAL_CHANNELS = ['partner_referral', 'consulate_referral'] as const;
export type ReferralChannel = (typeof REFERRAL_CHANNELS)[number];

/** One referral as the statistics need it, as of the cut-off (gathered from its stream). */
export interface ReferralFacts {
  /** The office date it was submitted on (YYYY-MM-DD). */
  submittedOn: string;
  status: ReferralStatus;
  channel: ReferralChannel;
  workers: number;
}

/**
 * Small-cell suppression, the agency's stated rule for every count it releases about people:
 *
 * 1. Threshold (primary suppression): a count from 1 to 4 is withheld. Zero is released (it says
 *    of nobody that they were referred), and so is every count of 5 or more.
 * 2. Complementary suppression: in a breakdown whose parts add up to a released total, one
 *    withheld part could be recovered by subtracting the others from the total; so when exactly
 *    one part is withheld, the smallest other non-zero part is withheld too.
 *
 * Policy: the threshold rule with a minimum cell size of 5 and complementary suppression, as set
 * out for frequency tables in Federal Committee on Statistical Methodology, Statistical Policy
 * Working Paper 22, "Report on Statistical Disclosure Limitation Methodology". A count of 1 in a
 * partner's referrals can identify the worker (the partner, a coworker or the employer knows who
 * went to the partner that month), which the privacy exemptions protect: 5 U.S.C. 552(b)(6) and
 * (b)(7)(C). A withheld count is logged as a `personal` redaction citing them.
 */
export const MINIMUM_CELL_SIZE = 5;

export const isSmallCell = (count: number) => count > 0 && count < MINIMUM_CELL_SIZE;

/** The names of the parts of a breakdown to withhold, by the rule above. */
export function suppressedParts(parts: Readonly<Record<string, number>>): string[] {
  const names = Object.keys(parts);
  const primary = names.filter((k) => isSmallCell(parts[k]));
  if (primary.length !== 1) return primary;
  const [complement] = names
    .filter((k) => !primary.includes(k) && parts[k] > 0)
    .sort((a, b) => parts[a] - parts[b] || names.indexOf(a) - names.indexOf(b));
  return complement ? [...primary, complement] : primary;
}

export interface ReferralCounts {
  referrals: number;
  workersReferred: number;
  byStatus: Record<ReferralStatus, number>;
  byChannel: Record<ReferralChannel, number>;
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The counts of the referrals submitted from `from` to `to`, both days included. */
export function countReferrals(
  referrals: readonly ReferralFacts[],
  from: string,
  to: string,
): ReferralCounts {
  const counts: ReferralCounts = {
    referrals: 0,
    workersReferred: 0,
    byStatus: zeros(REFERRAL_STATUSES),
    byChannel: zeros(REFERRAL_CHANNELS),
  };
  for (const r of referrals) {
    if (r.submittedOn < from || r.submittedOn > to) continue;
    counts.referrals += 1;
    counts.workersReferred += r.workers;
    counts.byStatus[r.status] += 1;
    counts.byChannel[r.channel] += 1;
  }
  return counts;
}

/** Where each withheld count sits in the table (`referrals`, `byStatus.declined`...). */
export function suppressedCells(counts: ReferralCounts): string[] {
  const out: string[] = [];
  // A withheld total leaves every part of 1 to 4 withheld by the threshold itself.
  if (isSmallCell(counts.referrals)) out.push('referrals');
  if (isSmallCell(counts.workersReferred)) out.push('workersReferred');
  for (const k of suppressedParts(counts.byStatus)) out.push(`byStatus.${k}`);
  for (const k of suppressedParts(counts.byChannel)) out.push(`byChannel.${k}`);
  return out;
}
