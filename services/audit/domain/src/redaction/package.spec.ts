import {
  buildFoiaPackage,
  packageDigest,
  packageWarnings,
  renderPackageHtml,
  withheldFields,
  withheldMarker,
} from '..';
import { FOIA_PACKAGE_STYLE } from '@lse/contracts';
import { CASE, openedCase, PLANTED_VALUES } from '../../test/records';

const build = (openAtCutoff: boolean, overrides: Array<{ eventId: string; path: string }> = []) =>
  buildFoiaPackage({
    requestId: 'r-1',
    jurisdiction: 'federal',
    cutoff: '2026-02-01T00:00:00Z',
    cases: [{ caseId: CASE, openAtCutoff, records: openedCase() }],
    overrides,
  });

describe('FOIA package', () => {
  it('never contains planted personal data, in JSON or HTML', () => {
    const pkg = build(true);
    const json = JSON.stringify(pkg);
    const html = renderPackageHtml(pkg);
    for (const planted of PLANTED_VALUES) {
      expect(json).not.toContain(planted);
      expect(html).not.toContain(planted);
    }
    // ... while the records are there, and public fields are released.
    expect(pkg.summary.records).toBe(3);
    expect(json).toContain('Golden Gate Car Wash');
  });

  it('cites (b)(6) and (b)(7)(C) for personal data, (b)(7)(D) for a confidential source, (b)(4) for a FEIN', () => {
    const pkg = build(true);
    const data = pkg.cases[0].records[0].data as {
      complainants: Array<Record<string, string>>;
      employer: Record<string, string>;
    };
    expect(data.complainants[0].name).toMatch(/^\[WITHHELD \(b\)\(7\)\(D\) #\d+\]$/); // asked for confidentiality
    expect(data.complainants[1].preferredLanguage).toMatch(/^\[WITHHELD \(b\)\(6\), \(b\)\(7\)\(C\) #\d+\]$/);
    expect(data.employer.fein).toMatch(/^\[WITHHELD \(b\)\(4\) #\d+\]$/);
    // unknown metadata (a client IP) is withheld as personal
    expect(pkg.cases[0].records[0].metadata.clientIp).toMatch(/WITHHELD/);
    for (const entry of pkg.redactionLog) expect(entry.exemptions.length).toBeGreaterThan(0);
  });

  it('cites (b)(7)(A) only while the case is open', () => {
    const priority = (open: boolean) =>
      (build(open).cases[0].records[2].data as { priority: string }).priority;
    expect(priority(true)).toContain('(b)(7)(A), (b)(7)(E)');
    expect(priority(false)).not.toContain('(b)(7)(A)');
    expect(priority(false)).toContain('(b)(7)(E)');
  });

  it('a marker names its log entry, and the log lists every withheld field', () => {
    const pkg = build(true);
    const first = pkg.redactionLog[0];
    expect(JSON.stringify(pkg.cases)).toContain(withheldMarker(first.exemptions, first.n));
    expect(pkg.summary.withheld).toBe(pkg.redactionLog.length);
    const fields = openedCase().flatMap((r) =>
      withheldFields(r, { caseOpen: true, jurisdiction: 'federal' }),
    );
    expect(pkg.redactionLog).toHaveLength(fields.length);
  });

  it('an override releases exactly that field and the log says so', () => {
    const records = openedCase();
    const pkg = build(true, [{ eventId: records[0].eventId, path: 'data.employer.fein' }]);
    expect((pkg.cases[0].records[0].data as { employer: { fein: string } }).employer.fein).toBe('94-1234567');
    expect(pkg.redactionLog.find((e) => e.path === 'data.employer.fein')).toMatchObject({ released: true });
    expect(pkg.summary.released).toBe(1);
  });

  it('leaves out records after the cut-off', () => {
    const pkg = buildFoiaPackage({
      requestId: 'r-1',
      jurisdiction: 'federal',
      cutoff: '2026-01-16T02:30:00Z',
      cases: [{ caseId: CASE, openAtCutoff: true, records: openedCase() }],
      overrides: [],
    });
    expect(pkg.cases[0].records.map((r) => r.type)).toEqual(['ComplaintReceived', 'ComplaintAmended']);
  });

  it('the same input gives the same digest and the same HTML; a change gives another', () => {
    expect(packageDigest(build(true))).toBe(packageDigest(build(true)));
    expect(renderPackageHtml(build(true))).toBe(renderPackageHtml(build(true)));
    expect(packageDigest(build(true))).not.toBe(packageDigest(build(false)));
  });

  it('stops on an event type it cannot classify rather than release it', () => {
    const [first] = openedCase();
    expect(() =>
      buildFoiaPackage({
        requestId: 'r',
        jurisdiction: 'federal',
        cutoff: '2026-02-01T00:00:00Z',
        cases: [{ caseId: CASE, openAtCutoff: true, records: [{ ...first, type: 'NoSuchEvent' }] }],
        overrides: [],
      }),
    ).toThrow(/NoSuchEvent/);
  });
});

describe('FOIA package warnings (README cut-offs before every case released empty packages)', () => {
  it('warns when the package would be empty, naming each case and the cut-off that would include it', () => {
    const empty = buildFoiaPackage({
      requestId: 'r-2',
      jurisdiction: 'federal',
      cutoff: '2020-01-01T00:00:00Z',
      cases: [{ caseId: CASE, openAtCutoff: false, records: openedCase() }],
      overrides: [],
    });
    expect(empty.summary.records).toBe(0);
    const first = openedCase()[0].recordedAt;
    expect(packageWarnings(empty, { [CASE]: first })).toEqual([
      'The package is empty: none of the 1 requested case(s) has a record at or before the cut-off 2020-01-01T00:00:00.000Z.',
      `Case ${CASE} has no records at or before the cut-off 2020-01-01T00:00:00.000Z; its first record is of ${first}: choose a later cut-off to include it.`,
    ]);
    expect(packageWarnings(empty)).toContain(`Case ${CASE} has no records at all: check the case id.`);
  });

  it('says nothing when every case has records', () => {
    expect(packageWarnings(build(true))).toEqual([]);
  });
});

describe('the released FOIA package as a printable document (issue 18)', () => {
  it('reads as a document: a case summary, then a chronology in plain words, then the records; no UUID headings', () => {
    const html = renderPackageHtml(build(false));
    const summary = html.indexOf('<h3>Summary</h3>');
    const chronology = html.indexOf('<h3>Chronology</h3>');
    const records = html.indexOf('<h3>The records</h3>');
    expect(summary).toBeGreaterThan(0);
    expect(chronology).toBeGreaterThan(summary);
    expect(records).toBeGreaterThan(chronology);
    const story = html.slice(chronology, records);
    expect(story).toContain(
      '2026-01-16</time> The agency received a complaint (by an intake officer); channel: hotline',
    );
    expect(story).toContain('The complaint was amended');
    expect(story).toContain('The complaint was triaged and given a priority');
    expect(html.slice(summary, chronology)).toContain('Employer: Golden Gate Car Wash');
    expect(html).toContain('<h4>Record 1: The agency received a complaint');
    // Headings name records in words, not by event or case UUIDs.
    expect(html).not.toMatch(/<h[1-4][^>]*>[^<]*[0-9a-f]{8}-[0-9a-f]{4}-/);
    for (const planted of PLANTED_VALUES) expect(html).not.toContain(planted);
  });

  it('has one inline stylesheet, FOIA_PACKAGE_STYLE (the workbench allows exactly it by its hash)', () => {
    const html = renderPackageHtml(build(false));
    expect([...html.matchAll(/<style>([^<]*)<\/style>/g)].map((m) => m[1])).toEqual([FOIA_PACKAGE_STYLE]);
    expect(html).not.toMatch(/ style=/);
  });
});
