/**
 * The manager dashboard through the gateway, every service its own process: complaints received
 * on known days, channels, languages, offices and industries, three of them opened as cases; the
 * figures (counts, time from complaint to case opened, open investigations, sectors with their
 * targeted industries) are the ones worked out by hand here, with and without filters. Collections'
 * money figures are checked against hand sums in services/collections/test/dashboard.spec.ts.
 */
import { addDays, utcDateOf } from '@lse/domain';
import { receiveInput } from '@lse/intake-domain/test/fixtures';
import { eventually } from '@lse/testing';
import { Api } from '../support/http';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(180_000);

type Dashboard = {
  asOf: string;
  intake: {
    byChannel: Array<{ channel: string; complaints: number }>;
    byLanguage: Array<{ language: string; complaints: number }>;
    timeToOpen: { cases: number; medianDays: number | null; p75Days: number | null; p90Days: number | null };
    openInvestigations: Array<{ bucket: string; cases: number }>;
  };
  collections: { totals: { cases: number; assessedCents: number; rate: number | null } };
  byOffice: Array<{ group: string; complaints: number; casesOpened: number; collectionCases: number }>;
  byIndustry: Array<{ group: string; complaints: number; casesOpened: number; targeted: string[] }>;
};

const DAY = 86_400_000;

describe('manager dashboard through the gateway', () => {
  let system: RunningSystem;
  let api: Api;

  beforeAll(async () => {
    system = await startSystem();
    api = new Api(system.gatewayUrl);
  });
  afterAll(async () => {
    await system?.stop();
  });

  const employer = (naics: string) => ({ ...receiveInput().employer, naics });
  const complainant = (preferredLanguage: string) => ({
    preferredLanguage,
    interpreterNeeded: false,
    confidentialityRequested: false,
    role: 'anonymous' as const,
  });

  /** A complaint received `daysAgo` days before now; opened as a case when `open`. */
  async function seed(c: {
    office: string;
    channel: string;
    language: string;
    naics: string;
    daysAgo: number;
    open: boolean;
  }) {
    const received = await api.request<{ caseId: string }>('POST', '/complaints', {
      as: 'intake_officer',
      body: receiveInput({
        office: c.office,
        channel: c.channel as never,
        receivedAt: new Date(Date.now() - c.daysAgo * DAY).toISOString(),
        complainants: [complainant(c.language)],
        employer: employer(c.naics),
      }),
    });
    expect(received.status).toBe(201);
    if (!c.open) return;
    const steps: Array<[string, unknown]> = [
      ['jurisdiction-assessment', { inJurisdiction: true, statutes: ['FLSA'], reason: 'Covered employer.' }],
      ['limitations-assessment', { statute: 'FLSA', willful: false }],
      ['triage', {}],
      ['open', {}],
    ];
    for (const [i, [path, body]] of steps.entries()) {
      const res = await api.request('POST', `/complaints/${received.body.caseId}/${path}`, {
        as: 'intake_officer',
        body,
        headers: { 'if-match': `"${i + 1}"` },
      });
      expect(res.status).toBe(200);
    }
  }

  const dashboard = (query = '', as: 'supervisor' | 'auditor' = 'supervisor') =>
    api.request<Dashboard>('GET', `/reports/dashboard${query}`, { as });

  it('counts intake, times the opening of cases and ages open investigations, by office and sector', async () => {
    // A car wash (NAICS 81, targeted) in Spanish, 2 days to open; a restaurant (72, targeted) in
    // English, 4 days; an accountant (54, not targeted) in Spanish, 10 days; a car wash complaint in
    // Chinese received today and not opened.
    await seed({
      office: 'DASH-01',
      channel: 'hotline',
      language: 'es-MX',
      naics: '811192',
      daysAgo: 2,
      open: true,
    });
    await seed({
      office: 'DASH-01',
      channel: 'web',
      language: 'en',
      naics: '722511',
      daysAgo: 4,
      open: true,
    });
    await seed({
      office: 'DASH-02',
      channel: 'walk_in',
      language: 'es',
      naics: '541211',
      daysAgo: 10,
      open: true,
    });
    await seed({
      office: 'DASH-02',
      channel: 'hotline',
      language: 'zh-Hant',
      naics: '811192',
      daysAgo: 0,
      open: false,
    });

    const all = await eventually(
      () => dashboard(),
      (r) =>
        r.status === 200 &&
        r.body.intake.byChannel.reduce((n, c) => n + c.complaints, 0) === 4 &&
        r.body.intake.timeToOpen.cases === 3 &&
        r.body.intake.openInvestigations[0].cases === 3,
      { what: 'the four complaints and three cases in the dashboard', timeoutMs: 30_000, intervalMs: 200 },
    );
    const d = all.body;
    expect(d.asOf).toBe(utcDateOf(new Date()));
    expect(d.intake.byChannel).toEqual([
      { channel: 'hotline', complaints: 2 },
      { channel: 'walk_in', complaints: 1 },
      { channel: 'web', complaints: 1 },
    ]);
    expect(d.intake.byLanguage).toEqual([
      { language: 'es', complaints: 2 },
      { language: 'en', complaints: 1 },
      { language: 'zh', complaints: 1 },
    ]);
    // 2, 4 and 10 days (plus the seconds the test took): median 4, p75 4 + 0.5 x 6 = 7, p90 4 + 0.8 x 6 = 8.8.
    expect(d.intake.timeToOpen).toEqual({ cases: 3, medianDays: 4, p75Days: 7, p90Days: 8.8 });
    expect(d.intake.openInvestigations).toEqual([
      { bucket: '0-30', cases: 3 },
      { bucket: '31-90', cases: 0 },
      { bucket: '91-180', cases: 0 },
      { bucket: '181-365', cases: 0 },
      { bucket: '365+', cases: 0 },
    ]);
    expect(
      d.byOffice.map(({ group, complaints, casesOpened, collectionCases }) => [
        group,
        complaints,
        casesOpened,
        collectionCases,
      ]),
    ).toEqual([
      ['DASH-01', 2, 2, 0],
      ['DASH-02', 2, 1, 0],
    ]);
    expect(
      d.byIndustry.map(({ group, complaints, casesOpened, targeted }) => [
        group,
        complaints,
        casesOpened,
        targeted,
      ]),
    ).toEqual([
      ['54', 1, 1, []],
      ['72', 1, 1, ['restaurants']],
      ['81', 2, 1, ['car_washes', 'domestic_home_care']],
    ]);
    expect(d.collections.totals).toMatchObject({ cases: 0, assessedCents: 0, rate: null });

    const office = (await dashboard('?office=DASH-01')).body;
    expect(office.intake.byChannel).toEqual([
      { channel: 'hotline', complaints: 1 },
      { channel: 'web', complaints: 1 },
    ]);
    expect(office.intake.timeToOpen).toEqual({ cases: 2, medianDays: 3, p75Days: 3.5, p90Days: 3.8 });

    const carWashes = (await dashboard('?industry=81', 'auditor')).body;
    expect(carWashes.intake.byLanguage).toEqual([
      { language: 'es', complaints: 1 },
      { language: 'zh', complaints: 1 },
    ]);
    expect(carWashes.intake.timeToOpen.cases).toBe(1);

    // The language is counted, never listed: the complaint queue does not carry it.
    const queue = await api.request<{ items: Array<Record<string, unknown>> }>(
      'GET',
      '/complaints?office=DASH-01',
      {
        as: 'supervisor',
      },
    );
    expect(queue.body.items).toHaveLength(2);
    expect(queue.body.items.filter((i) => 'language' in i)).toEqual([]);

    // Received from 3 days ago: the car wash complaints (2 days ago and today).
    const recent = (await dashboard(`?from=${addDays(utcDateOf(new Date()), -3)}`)).body;
    expect(recent.intake.byChannel).toEqual([{ channel: 'hotline', complaints: 2 }]);
    // Cases are counted by the day they opened (today): all three.
    expect(recent.intake.timeToOpen.cases).toBe(3);
  });

  it('refuses roles without the dashboard and bad filters, as problem+json', async () => {
    for (const role of ['investigator', 'collections_officer', 'intake_officer'] as const) {
      const res = await api.request('GET', '/reports/dashboard', { as: role });
      expect(res.status).toBe(403);
    }
    const problem = async (query: string) => {
      const res = await api.request<{ errors: Array<{ path: string }> }>(
        'GET',
        `/reports/dashboard${query}`,
        {
          as: 'supervisor',
        },
      );
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      return res.body.errors.map((e) => e.path);
    };
    expect(await problem('?industry=7')).toEqual(['industry']);
    expect(await problem('?from=2026-05-01&to=2026-04-01')).toEqual(['to']);
  });
});
