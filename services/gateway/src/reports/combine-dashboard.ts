import type {
  CollectionsDashboard,
  Dashboard,
  DashboardQuery,
  IntakeDashboard,
  MoneyRow,
} from '@lse/contracts';

type Targeted = IntakeDashboard['targetedIndustries'];

const EMPTY_MONEY: Omit<MoneyRow, 'group'> = {
  cases: 0,
  assessedCents: 0,
  collectedCents: 0,
  disbursedCents: 0,
  rate: null,
};

/** The targeted industries (intake's triage rules) whose NAICS prefixes fall inside a sector. */
export function targetedIn(sector: string, targeted: Targeted): string[] {
  return targeted
    .filter((t) => t.naicsPrefixes.some((p) => p.slice(0, 2) === sector))
    .map((t) => t.industry)
    .sort();
}

/** Intake's and collections' rows side by side, one row per office (or sector) either knows. */
function joined(intake: IntakeDashboard['byOffice'], money: MoneyRow[]) {
  const groups = [...new Set([...intake.map((r) => r.group), ...money.map((r) => r.group)])].sort();
  return groups.map((group) => {
    const i = intake.find((r) => r.group === group);
    const { cases, ...m } = money.find((r) => r.group === group) ?? { group, ...EMPTY_MONEY };
    return {
      ...m,
      group,
      complaints: i?.complaints ?? 0,
      casesOpened: i?.casesOpened ?? 0,
      collectionCases: cases,
    };
  });
}

/** The dashboard from intake's and collections' parts. */
export function combineDashboard(
  filters: DashboardQuery,
  intake: IntakeDashboard,
  collections: CollectionsDashboard,
): Dashboard {
  return {
    asOf: intake.asOf,
    filters,
    intake: {
      byChannel: intake.byChannel,
      byLanguage: intake.byLanguage,
      timeToOpen: intake.timeToOpen,
      openInvestigations: intake.openInvestigations,
    },
    collections: { totals: collections.totals, byMonth: collections.byMonth },
    byOffice: joined(intake.byOffice, collections.byOffice),
    byIndustry: joined(intake.byIndustry, collections.byIndustry).map((row) => ({
      ...row,
      targeted: targetedIn(row.group, intake.targetedIndustries),
    })),
  };
}
