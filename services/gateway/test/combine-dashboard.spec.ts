import type { CollectionsDashboard, IntakeDashboard, MoneyRow } from '@lse/contracts';
import { combineDashboard, targetedIn } from '../src/reports/combine-dashboard';

const TARGETED: IntakeDashboard['targetedIndustries'] = [
  { industry: 'construction', naicsPrefixes: ['23'] },
  { industry: 'restaurants', naicsPrefixes: ['7225'] },
  { industry: 'domestic_home_care', naicsPrefixes: ['6216', '814'] },
  { industry: 'car_washes', naicsPrefixes: ['811192'] },
];

const money = (group: string, cases: number, assessed: number, collected: number): MoneyRow => ({
  group,
  cases,
  assessedCents: assessed,
  collectedCents: collected,
  disbursedCents: 0,
  rate: assessed ? collected / assessed : null,
});

describe('the dashboard, joined in the gateway', () => {
  it('marks a sector with every targeted industry whose NAICS prefixes fall inside it', () => {
    expect(targetedIn('81', TARGETED)).toEqual(['car_washes', 'domestic_home_care']);
    expect(targetedIn('62', TARGETED)).toEqual(['domestic_home_care']);
    expect(targetedIn('23', TARGETED)).toEqual(['construction']);
    expect(targetedIn('54', TARGETED)).toEqual([]);
    expect(targetedIn('unknown', TARGETED)).toEqual([]);
  });

  it("puts intake's and collections' rows side by side, one per office or sector either knows", () => {
    const intake = {
      asOf: '2026-06-30',
      byChannel: [],
      byLanguage: [],
      timeToOpen: { cases: 0, medianDays: null, p75Days: null, p90Days: null },
      openInvestigations: [],
      byOffice: [{ group: 'SF-01', complaints: 3, casesOpened: 2 }],
      byIndustry: [{ group: '72', complaints: 3, casesOpened: 2 }],
      targetedIndustries: TARGETED,
    } as unknown as IntakeDashboard;
    const collections: CollectionsDashboard = {
      totals: money('all', 2, 400_000, 100_000),
      byMonth: [],
      byOffice: [money('LA-01', 1, 200_000, 0), money('SF-01', 1, 200_000, 100_000)],
      byIndustry: [money('81', 2, 400_000, 100_000)],
    };
    const d = combineDashboard({}, intake, collections);
    expect(d.asOf).toBe('2026-06-30');
    // Collections' `cases` are its collection cases: named so beside intake's counts.
    const { cases: _la, ...la } = money('LA-01', 1, 200_000, 0);
    const { cases: _sf, ...sf } = money('SF-01', 1, 200_000, 100_000);
    expect(d.byOffice).toEqual([
      { ...la, complaints: 0, casesOpened: 0, collectionCases: 1 },
      { ...sf, complaints: 3, casesOpened: 2, collectionCases: 1 },
    ]);
    expect(
      d.byIndustry.map((r) => [r.group, r.complaints, r.collectionCases, r.assessedCents, r.targeted]),
    ).toEqual([
      ['72', 3, 0, 0, ['restaurants']],
      ['81', 0, 2, 400_000, ['car_washes', 'domestic_home_care']],
    ]);
  });
});
