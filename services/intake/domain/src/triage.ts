import {
  LIMITATIONS_WARNING_DAYS,
  type AllegationType,
  type Priority,
  type ResourceIntensity,
  type TriageScored,
} from '@lse/contracts';
import type { PriorCases } from './commands';
import { targetedIndustryOf, type TargetedIndustry } from './policy';
import type { Complaint } from './state';

type Factor = TriageScored['factors'][number];

/*
 * The triage model regulators describe (docs/architecture.md#the-triage-model): how many workers
 * and how badly, jurisdiction, ongoing violations, repeat violator, targeted industry, limitation
 * time left and resource cost. Each factor adds or removes points and says why; the sum, clamped to 0-100,
 * ranks the complaint. The weights are a starting point for the agency to tune.
 */

/** How serious each allegation type is, for workers' livelihoods and safety. */
const SEVERITY: Record<AllegationType, number> = {
  child_labor: 15,
  retaliation: 12,
  minimum_wage: 10,
  unpaid_wages: 10,
  tip_theft: 10,
  final_paycheck: 8,
  overtime: 8,
  misclassification: 8,
  meal_rest_break: 5,
  recordkeeping: 3,
  other: 3,
};

export const PRIORITY_THRESHOLDS: ReadonlyArray<[number, Priority]> = [
  [70, 'P1'],
  [50, 'P2'],
  [30, 'P3'],
  [0, 'P4'],
];

export function priorityFor(score: number): Priority {
  return PRIORITY_THRESHOLDS.find(([min]) => score >= min)?.[1] ?? 'P4';
}

/** Workers affected by the complaint: the largest allegation (the same workers recur across allegations). */
export function workersAffected(complaint: Complaint): number {
  return Math.max(...complaint.allegations.map((a) => a.workersAffected));
}

function workersFactor(complaint: Complaint): Factor {
  const n = workersAffected(complaint);
  const points = n >= 50 ? 25 : n >= 10 ? 20 : n >= 2 ? 10 : 5;
  return { factor: 'workers_affected', points, explanation: `${n} worker${n === 1 ? '' : 's'} affected.` };
}

function severityFactor(complaint: Complaint): Factor {
  const worst = complaint.allegations.reduce((a, b) => (SEVERITY[b.type] > SEVERITY[a.type] ? b : a));
  const types = [...new Set(complaint.allegations.map((a) => a.type))].join(', ');
  return {
    factor: 'severity',
    points: SEVERITY[worst.type],
    explanation: `Most serious allegation: ${worst.type} (alleged: ${types}).`,
  };
}

function jurisdictionFactor(complaint: Complaint): Factor {
  const j = complaint.jurisdiction;
  if (!j) return { factor: 'jurisdiction', points: 0, explanation: 'Jurisdiction not yet assessed.' };
  if (!j.inJurisdiction) {
    return {
      factor: 'jurisdiction',
      points: -40,
      explanation: 'Assessed as outside the agency’s jurisdiction.',
    };
  }
  return {
    factor: 'jurisdiction',
    points: 10,
    explanation: `Within jurisdiction under ${j.statutes.slice(0, 5).join(', ')}.`,
  };
}

function ongoingFactor(complaint: Complaint): Factor {
  const ongoing = complaint.allegations.filter((a) => a.ongoing).length;
  return ongoing > 0
    ? {
        factor: 'ongoing',
        points: 15,
        explanation: `${ongoing} allegation${ongoing === 1 ? ' is' : 's are'} ongoing.`,
      }
    : { factor: 'ongoing', points: 0, explanation: 'The alleged violations have ceased.' };
}

function repeatFactor(prior: PriorCases): Factor {
  const n = prior.caseNumbers.length;
  if (n === 0)
    return {
      factor: 'repeat_violator',
      points: 0,
      explanation: 'No earlier case with violations found against this employer.',
    };
  return {
    factor: 'repeat_violator',
    points: n >= 2 ? 20 : 15,
    explanation: `${n} earlier case${n === 1 ? '' : 's'} with violations found against this employer: ${prior.caseNumbers.slice(0, 5).join(', ')}.`,
  };
}

function industryFactor(complaint: Complaint, industries: readonly TargetedIndustry[]): Factor {
  const naics = complaint.employer.naics;
  const match = targetedIndustryOf(naics, industries);
  if (match) {
    return {
      factor: 'high_violation_industry',
      points: 10,
      explanation: `NAICS ${naics} is in a targeted high-violation industry (${match.industry}).`,
    };
  }
  return {
    factor: 'high_violation_industry',
    points: 0,
    explanation: naics ? `NAICS ${naics} is not a targeted industry.` : 'Industry (NAICS) not known.',
  };
}

function limitationsFactor(complaint: Complaint): Factor {
  const l = complaint.limitations;
  if (!l)
    return {
      factor: 'limitations_remaining',
      points: 0,
      explanation: 'Statute of limitations not yet assessed.',
    };
  if (l.daysRemaining < 0) {
    return {
      factor: 'limitations_remaining',
      points: -30,
      explanation: `Every alleged violation is time-barred under ${l.statute} (since ${l.expiresOn}).`,
    };
  }
  if (l.daysRemaining < LIMITATIONS_WARNING_DAYS) {
    return {
      factor: 'limitations_remaining',
      points: 15,
      explanation: `Only ${l.daysRemaining} days before recoverable wages start to fall outside ${l.statute}'s period.`,
    };
  }
  if (l.daysRemaining < 365) {
    return {
      factor: 'limitations_remaining',
      points: 5,
      explanation: `${l.daysRemaining} days of limitation time left.`,
    };
  }
  return {
    factor: 'limitations_remaining',
    points: 0,
    explanation: `${l.daysRemaining} days of limitation time left.`,
  };
}

/** Given by intake staff, or estimated from the size of the complaint. */
export function estimateResourceIntensity(complaint: Complaint): ResourceIntensity {
  const workers = workersAffected(complaint);
  const allegations = complaint.allegations.length;
  if (workers >= 50 || allegations >= 4) return 'high';
  if (workers >= 10 || allegations >= 2) return 'medium';
  return 'low';
}

function resourceFactor(complaint: Complaint, given: ResourceIntensity | undefined): Factor {
  const level = given ?? estimateResourceIntensity(complaint);
  const points = level === 'high' ? -10 : level === 'medium' ? -5 : 0;
  const source = given ? 'as assessed by intake' : 'estimated from workers and allegations';
  return { factor: 'resource_intensity', points, explanation: `${level} resource intensity (${source}).` };
}

export function scoreTriage(input: {
  complaint: Complaint;
  priorCases: PriorCases;
  resourceIntensity?: ResourceIntensity;
  targetedIndustries: readonly TargetedIndustry[];
}): TriageScored {
  const { complaint } = input;
  const factors = [
    workersFactor(complaint),
    severityFactor(complaint),
    jurisdictionFactor(complaint),
    ongoingFactor(complaint),
    repeatFactor(input.priorCases),
    industryFactor(complaint, input.targetedIndustries),
    limitationsFactor(complaint),
    resourceFactor(complaint, input.resourceIntensity),
  ];
  const sum = factors.reduce((total, f) => total + f.points, 0);
  const score = Math.max(0, Math.min(100, sum));
  return { score, priority: priorityFor(score), factors };
}
