import { LIMITATIONS_WARNING_DAYS, type Allegation, type LimitationsAssessed } from '@lse/contracts';
import { addYears, daysBetween, isoDate, type IsoDate } from '@lse/domain';
import type { LimitationRule } from './policy';

const earlier = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/** The last day an allegation's violation happened: today while it goes on. */
function lastViolationDay(allegation: Allegation, today: IsoDate): IsoDate {
  if (allegation.ongoing) return today;
  // Without an end date a past violation is taken to have ended when it began: the cautious reading.
  return isoDate(allegation.periodEnd ?? allegation.periodStart);
}

/**
 * How much of the limitation period is left. Wages older than `today - period` are lost; the
 * oldest alleged wages still recoverable fall out at `expiresOn`, so `daysRemaining` is the time
 * to act before the claim starts shrinking (0 when it already shrinks every day), and negative
 * when every alleged violation is time-barred.
 */
export function assessLimitations(input: {
  allegations: readonly Allegation[];
  statute: string;
  rule: LimitationRule;
  willful: boolean;
  today: IsoDate;
}): LimitationsAssessed {
  const { allegations, statute, rule, willful, today } = input;
  const periodYears = willful ? rule.willfulYears : rule.years;
  const earliestRecoverableDate = addYears(today, -periodYears);
  const oldest = allegations.map((a) => isoDate(a.periodStart)).reduce(earlier);
  const latest = allegations.map((a) => lastViolationDay(a, today)).reduce(later);

  let expiresOn: IsoDate;
  if (latest < earliestRecoverableDate) {
    expiresOn = addYears(latest, periodYears);
  } else if (oldest <= earliestRecoverableDate) {
    expiresOn = today;
  } else {
    expiresOn = later(addYears(oldest, periodYears), today);
  }
  const daysRemaining = daysBetween(today, expiresOn);
  const warning =
    daysRemaining < 0 ? 'expired' : daysRemaining < LIMITATIONS_WARNING_DAYS ? 'expiring_soon' : undefined;
  return {
    statute,
    periodYears,
    willful,
    assessedOn: today,
    earliestRecoverableDate,
    expiresOn,
    daysRemaining,
    ...(warning ? { warning } : {}),
  };
}
