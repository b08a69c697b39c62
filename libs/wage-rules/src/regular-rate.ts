import type { PreparedWeek } from './prepared-week';

/**
 * Regular rate (notation: workweek.ts): the agreed hourly rate (hours-weighted, 29 CFR 778.110,
 * 778.115) plus piece, salary and bonus pay (`other`) spread over the hours worked (778.109-111).
 * Hourly lines count at their rate whether they paid fewer hours than were worked (the rest is
 * unpaid time at that rate) or more (pay for hours not worked is not part of the regular rate,
 * 778.218). Writes the exact fraction, cents per hour, into `out`.
 */
export function regularRate(wk: PreparedWeek, other: number, out: { rrN: number; rrD: number }): void {
  const W = wk.W;
  if (W === 0) {
    out.rrN = 0;
    out.rrD = 1;
  } else if (wk.P > 0) {
    if (wk.singleRate >= 0) {
      out.rrN = wk.singleRate * W + 100 * other;
      out.rrD = W;
    } else {
      out.rrN = wk.A * W + 100 * other * wk.P;
      out.rrD = W * wk.P;
    }
  } else {
    out.rrN = 100 * other;
    out.rrD = W;
  }
}
