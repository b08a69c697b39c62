import type { IsoDate } from '@lse/domain';
import type { BackWageInput, PayComponent, RuleSet, WorkweekRecord } from '../src';
import { FLSA_RULE_SET } from '../src';

export const date = (value: string) => value as IsoDate;

/** A workweek for worker "w1" starting on a Sunday, hours spread as given (7 entries). */
export function week(weekStart: string, hours: number[], pay: PayComponent[], workerId = 'w1'): WorkweekRecord {
  return { workerId, weekStart: date(weekStart), hours, pay };
}

/** `total` hours spread over Monday-Saturday at up to 10 a day (no seventh day). */
export function spread(total: number): number[] {
  const days = [0, 0, 0, 0, 0, 0, 0];
  let left = Math.round(total * 100);
  for (let d = 1; d < 7 && left > 0; d++) {
    const h = Math.min(left, 1000);
    days[d] = h / 100;
    left -= h;
  }
  if (left > 0) throw new Error('more than 60 hours: give the days explicitly');
  return days;
}

export function input(records: WorkweekRecord[], ruleSets: RuleSet[] = [FLSA_RULE_SET], more: Partial<BackWageInput> = {}): BackWageInput {
  const ids = [...new Set(records.map((r) => r.workerId))];
  return {
    ruleSets,
    filingDate: date('2025-06-30'),
    willful: false,
    workers: ids.map((id) => ({ id })),
    records,
    ...more,
  };
}
