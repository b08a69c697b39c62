import type { FoiaFeeCategory } from '@lse/contracts';
import { NoClockRuleError } from '../errors';
import { CLOCK_RULES, type TimeLimit } from '../clock/rules';

/** An administrative appeal: how long the requester has, and the time limit for the decision. */
export interface AppealRule {
  /** Calendar days after the final response, at least (the window may be longer, never shorter). */
  window: TimeLimit;
  /** In the clock rule's count (business or calendar days), from the day the appeal is received. */
  decision: TimeLimit;
  /** Where the requester goes once the appeal is upheld: the court (the provision that says so). */
  judicialReview: string;
}

/** What a public-records law says about a request's life after receipt, besides its time limits. */
export interface LifecycleRule {
  /** How many times the agency may stop the clock to ask for clarification (absent: no limit on record). */
  clarifications?: { most: number; source: string };
  /** The provision that allows the fee, by the requester's fee category. */
  feeSource: Record<FoiaFeeCategory, string>;
  /** The public-interest test a waiver is decided under; absent where the law provides no waiver. */
  feeWaiver?: { standard: string } | { none: string };
  /** The administrative appeal, or the provision that sends the requester to court instead. */
  appeal: AppealRule | { none: string };
}

export const LIFECYCLE_RULES: Readonly<Record<string, LifecycleRule>> = {
  federal: {
    // "make one request to the requester for information and toll the 20-day period".
    clarifications: { most: 1, source: '5 U.S.C. § 552(a)(6)(A)(ii)(I)' },
    feeSource: {
      // Search, duplication and review.
      commercial: '5 U.S.C. § 552(a)(4)(A)(ii)(I)',
      // Duplication only.
      educational: '5 U.S.C. § 552(a)(4)(A)(ii)(II)',
      news_media: '5 U.S.C. § 552(a)(4)(A)(ii)(II)',
      // Search and duplication.
      other: '5 U.S.C. § 552(a)(4)(A)(ii)(III)',
    },
    // "likely to contribute significantly to public understanding of the operations or activities
    // of the government and is not primarily in the commercial interest of the requester".
    feeWaiver: { standard: '5 U.S.C. § 552(a)(4)(A)(iii)' },
    appeal: {
      // The requester may appeal "within a period determined by the head of the agency that is not
      // less than 90 days after the date of such adverse determination".
      window: { days: 90, source: '5 U.S.C. § 552(a)(6)(A)(i)(III)(aa)' },
      // "within twenty days (excepting Saturdays, Sundays, and legal public holidays)".
      decision: { days: 20, source: '5 U.S.C. § 552(a)(6)(A)(ii)' },
      // "the district court ... has jurisdiction to enjoin the agency from withholding agency records".
      judicialReview: '5 U.S.C. § 552(a)(4)(B)',
    },
  },
  california: {
    // The CPRA allows only the direct cost of duplication, whoever asks.
    feeSource: {
      commercial: 'Cal. Gov. Code § 7922.530(a)',
      educational: 'Cal. Gov. Code § 7922.530(a)',
      news_media: 'Cal. Gov. Code § 7922.530(a)',
      other: 'Cal. Gov. Code § 7922.530(a)',
    },
    feeWaiver: { none: 'Cal. Gov. Code § 7922.530(a)' },
    // No administrative appeal: the requester enforces the right in court.
    appeal: { none: 'Cal. Gov. Code § 7923.000' },
  },
};

export function lifecycleRuleFor(jurisdiction: string): LifecycleRule {
  if (!Object.hasOwn(LIFECYCLE_RULES, jurisdiction))
    throw new NoClockRuleError(jurisdiction, Object.keys(CLOCK_RULES));
  return LIFECYCLE_RULES[jurisdiction];
}
