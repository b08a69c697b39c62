import type { IsoDate } from '@lse/domain';
import type { RuleSet } from './model';

const d = (value: string) => value as IsoDate;

/**
 * Federal baseline: Fair Labor Standards Act (29 U.S.C. 201 ff.; 29 CFR part 778).
 * Version = the date of the last change to any number in it.
 */
export const FLSA_RULE_SET: RuleSet = {
  id: 'US-FLSA',
  jurisdiction: 'US',
  version: '2009-07-24',
  name: 'Fair Labor Standards Act',
  minimumWage: {
    id: 'FLSA.minimum_wage',
    table: [{ from: d('2009-07-24'), centsPerHour: 725, source: '29 U.S.C. 206(a)(1)' }],
  },
  overtime: {
    weekly: { id: 'FLSA.overtime.weekly', afterHours: 40, multiplier: 1.5, source: '29 U.S.C. 207(a)(1)' },
    daily: null,
    seventhConsecutiveDay: null,
  },
  limitation: { id: 'FLSA.limitation', years: 2, willfulYears: 3, source: '29 U.S.C. 255(a)' },
  liquidatedDamages: {
    id: 'FLSA.liquidated_damages',
    basis: 'minimum_wage_and_overtime',
    source: '29 U.S.C. 216(b)',
  },
};

/**
 * California (Labor Code 510, 1182.12, 1194.2; CCP 338(a)). The minimum wage table is the
 * statewide general rate; before 2023 it is the rate for employers with 26 or more employees
 * (2022: $14.00 for 25 or fewer). Local (city/county) minimum wages are separate rule sets.
 */
export const CALIFORNIA_RULE_SET: RuleSet = {
  id: 'US-CA',
  jurisdiction: 'US-CA',
  version: '2026-01-01',
  name: 'California Labor Code',
  minimumWage: {
    id: 'CA.minimum_wage',
    table: [
      { from: d('2022-01-01'), centsPerHour: 1500, source: 'Labor Code 1182.12 (26 or more employees)' },
      { from: d('2023-01-01'), centsPerHour: 1550, source: 'Labor Code 1182.12, annual adjustment' },
      { from: d('2024-01-01'), centsPerHour: 1600, source: 'Labor Code 1182.12, annual adjustment' },
      { from: d('2025-01-01'), centsPerHour: 1650, source: 'Labor Code 1182.12, annual adjustment' },
      { from: d('2026-01-01'), centsPerHour: 1690, source: 'Labor Code 1182.12, annual adjustment' },
    ],
  },
  overtime: {
    weekly: { id: 'CA.overtime.weekly', afterHours: 40, multiplier: 1.5, source: 'Labor Code 510(a)' },
    daily: {
      id: 'CA.overtime.daily',
      source: 'Labor Code 510(a)',
      tiers: [
        { afterHours: 8, multiplier: 1.5 },
        { afterHours: 12, multiplier: 2 },
      ],
    },
    seventhConsecutiveDay: {
      id: 'CA.overtime.seventh_day',
      source: 'Labor Code 510(a)',
      tiers: [
        { afterHours: 0, multiplier: 1.5 },
        { afterHours: 8, multiplier: 2 },
      ],
    },
  },
  limitation: { id: 'CA.limitation', years: 3, willfulYears: 3, source: 'Code of Civil Procedure 338(a)' },
  liquidatedDamages: { id: 'CA.liquidated_damages', basis: 'minimum_wage', source: 'Labor Code 1194.2' },
  salaryRegularRate: { id: 'CA.regular_rate.salary', salaryDivisorHours: 40, source: 'Labor Code 515(d)' },
};
