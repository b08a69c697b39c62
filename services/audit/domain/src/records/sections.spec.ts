import {
  buildFoiaPackage,
  decideFoia,
  packageWarnings,
  evolveFoia,
  initialFoiaState,
  NothingRequestedError,
  packageDigest,
  RecordNotRequestedError,
  redactionLogOf,
  redactionParts,
  renderPackageHtml,
  type FoiaPackageInput,
  type ReferralFacts,
} from '..';
import { z } from 'zod';
import {
  FoiaRecordRequestSchema,
  FoiaRequestReceived,
  RedactionApplied,
  type FoiaRecordRequest,
} from '@lse/contracts';
import { CASE, openedCase } from '../../test/records';
import {
  agreementRecords,
  agreementRecordsWithAmendment,
  AGREEMENT,
  CLAUSE_TEXT,
  ledgerRecords,
  PARTNER,
  POINT_PERSON,
  WORKER,
} from '../../test/partner-records';

const CUTOFF = '2026-06-01T00:00:00Z';
const facts = (n: number, status: ReferralFacts['status']): ReferralFacts[] =>
  Array.from({ length: n }, () => ({
    submittedOn: '2026-02-10',
    status,
    channel: 'partner_referral',
    workers: 1,
  }));

const input = (over: Partial<FoiaPackageInput> = {}): FoiaPackageInput => ({
  requestId: 'r-1',
  jurisdiction: 'federal',
  cutoff: CUTOFF,
  cases: [],
  overrides: [],
  records: {
    agreements: [{ agreementId: AGREEMENT, records: agreementRecords() }],
    referralStatistics: [
      {
        partnerId: PARTNER,
        from: '2026-01-01',
        to: '2026-03-31',
        referrals: [...facts(6, 'accepted'), ...facts(1, 'declined')],
      },
    ],
    disclosureLedger: [
      {
        partnerId: PARTNER,
        organization: 'Mission Worker Center',
        from: '2026-01-01',
        to: '2026-03-31',
        entries: ledgerRecords().map((record) => ({ caseOpen: true, record })),
      },
    ],
  },
  ...over,
});

describe('FOIA record sections: agreements, referral statistics, disclosure ledger', () => {
  const pkg = buildFoiaPackage(input());
  const sections = pkg.records!;
  const json = JSON.stringify(pkg);
  const html = renderPackageHtml(pkg);

  it("withholds point people's name, phone and e-mail as personal ((b)(6), (b)(7)(C)), each with a log line", () => {
    for (const planted of Object.values(POINT_PERSON)) {
      expect(json).not.toContain(planted);
      expect(html).not.toContain(planted);
    }
    const contact = sections.agreements[0].records.find((r) => r.type === 'ContactAdded')!;
    for (const field of ['name', 'phone', 'email']) {
      const entry = pkg.redactionLog.find(
        (e) => e.eventId === contact.eventId && e.path === `data.contact.${field}`,
      )!;
      expect(entry).toMatchObject({
        record: { section: 'agreements', id: AGREEMENT },
        classification: 'personal',
        exemptions: ['(b)(6)', '(b)(7)(C)'],
        released: false,
      });
      expect((contact.data.contact as Record<string, string>)[field]).toBe(
        `[WITHHELD (b)(6), (b)(7)(C) #${entry.n}]`,
      );
      expect(entry.caseId).toBeUndefined();
    }
    expect((contact.data.contact as Record<string, string>).role).toBe('organizer');
  });

  it("releases the agreement's clauses and its signatories' titles (officials acting officially)", () => {
    const [drafted, signed] = sections.agreements[0].records;
    expect((drafted.data.clauses as Array<{ text: string }>)[0].text).toBe(CLAUSE_TEXT);
    expect(signed.data.signatories).toEqual(['Labor Commissioner', 'Executive Director']);
    expect(html).toContain('Agreements');
  });

  it('the ledger keeps recipient, clause version, consent version and field names, and withholds the worker and amounts', () => {
    const [shared, withheld] = sections.disclosureLedger[0].entries;
    expect(sections.disclosureLedger[0].organization).toBe('Mission Worker Center');
    expect(shared.data).toMatchObject({
      partnerId: PARTNER,
      agreementId: AGREEMENT,
      clauseVersion: 1,
      fields: { status: 'case_opened', caseNumber: 'LSE-2026-000123' },
    });
    expect(Object.keys(shared.data.fields as object).sort()).toEqual([
      'backWagesAssessedCents',
      'caseNumber',
      'status',
    ]);
    expect((shared.data.fields as Record<string, unknown>).backWagesAssessedCents).toMatch(/^\[WITHHELD/);
    const consent = (shared.data.consents as Array<Record<string, unknown>>)[0];
    expect(consent.version).toBe(1);
    expect(consent.workerId).toMatch(/^\[WITHHELD \(b\)\(6\), \(b\)\(7\)\(C\) #\d+\]$/);
    expect(withheld.data).toMatchObject({
      withheldFields: ['determinationOutcome'],
      reason: 'consent_does_not_cover',
    });
    expect(json).not.toContain(WORKER);
    expect(
      pkg.redactionLog.filter((e) => e.record?.section === 'disclosure_ledger').map((e) => e.path),
    ).toContain('data.consents.0.workerId');
  });

  it('statistics: released counts, and the declined count of 1 withheld with its complement, each logged (threshold rule, minimum cell 5)', () => {
    const [table] = sections.referralStatistics;
    expect(table.referrals).toBe(7);
    expect(table.byStatus.submitted).toBe(0);
    expect(table.byStatus.declined).toMatch(/^\[WITHHELD \(b\)\(6\), \(b\)\(7\)\(C\) #\d+\]$/);
    // Else 7 - 6 would give it away.
    expect(table.byStatus.accepted).toMatch(/^\[WITHHELD/);
    const logged = pkg.redactionLog.filter((e) => e.record?.section === 'referral_statistics');
    expect(logged.map((e) => e.path)).toEqual(['byStatus.declined', 'byStatus.accepted']);
    for (const e of logged) expect(e.eventId).toBeUndefined();
    expect(html).toContain('Referral statistics');
  });

  it("numbers the log after the cases, and counts the sections' records", () => {
    const withCase = buildFoiaPackage(
      input({ cases: [{ caseId: CASE, openAtCutoff: true, records: openedCase() }] }),
    );
    const caseEntries = withCase.redactionLog.filter((e) => e.caseId === CASE);
    expect(caseEntries.map((e) => e.n)).toEqual(caseEntries.map((_, i) => i + 1));
    expect(withCase.summary.records).toBe(3 + 4 + 2);
  });

  it('a case-only package has the shape it had before records could be named, so a released digest still matches', () => {
    const caseOnly = buildFoiaPackage(
      input({ cases: [{ caseId: CASE, openAtCutoff: true, records: openedCase() }], records: undefined }),
    );
    expect(Object.keys(caseOnly)).not.toContain('records');
    for (const e of caseOnly.redactionLog)
      expect(Object.keys(e).sort()).toEqual([
        'caseId',
        'classification',
        'eventId',
        'exemptions',
        'n',
        'path',
        'released',
      ]);
    expect(renderPackageHtml(caseOnly)).not.toContain('Referral statistics');
    expect(packageDigest(caseOnly)).not.toBe(packageDigest(pkg));
  });

  it("records each section's redactions as RedactionApplied parts of their record, valid against the contract", () => {
    const parts = redactionParts(CUTOFF, pkg.redactionLog);
    expect(parts.map((p) => p.record)).toEqual([
      { section: 'agreements', id: AGREEMENT },
      { section: 'referral_statistics', id: PARTNER },
      { section: 'disclosure_ledger', id: PARTNER },
    ]);
    for (const p of parts) expect(() => RedactionApplied.schema.parse(p)).not.toThrow();
    const back = redactionLogOf(parts);
    expect(back).toEqual(pkg.redactionLog.map(({ released: _r, ...e }) => e));
  });
});

describe('warnings of a package naming records', () => {
  it('names an agreement with no records at the cut-off, and does not call a records-only package empty of cases', () => {
    const missing = '0e0e0e0e-0000-4000-8000-000000000000';
    const pkg = buildFoiaPackage(
      input({
        records: {
          agreements: [{ agreementId: missing, records: [] }],
          referralStatistics: [{ partnerId: PARTNER, from: '2026-01-01', to: '2026-03-31', referrals: [] }],
          disclosureLedger: [],
        },
      }),
    );
    expect(pkg.summary.records).toBe(0);
    expect(packageWarnings(pkg)).toEqual([
      `Agreement ${missing} has no records at or before the cut-off ${pkg.cutoff}: check the agreement id, or choose a later cut-off.`,
    ]);
    expect(packageWarnings(buildFoiaPackage(input()))).toEqual([]);
  });
});

describe('a FOIA request naming records', () => {
  const requester = { name: 'A Reporter' };
  const records: FoiaRecordRequest[] = z.array(FoiaRecordRequestSchema).parse([
    { kind: 'agreement', agreementId: AGREEMENT },
    { kind: 'referral_statistics', partnerId: PARTNER, from: '2026-01-01', to: '2026-03-31' },
  ]);
  const receive = (caseIds: string[], named?: FoiaRecordRequest[]) =>
    decideFoia(
      {
        type: 'ReceiveFoiaRequest',
        requestId: 'r-1',
        now: '2026-06-02T00:00:00Z',
        request: {
          requester,
          description: 'Partner agreements.',
          caseIds,
          jurisdiction: 'federal',
          ...(named ? { records: named } : {}),
        },
      },
      initialFoiaState,
    );

  it('is received with no case, its event valid against the contract', () => {
    const [event] = receive([], records);
    expect(() => FoiaRequestReceived.schema.parse(event.data)).not.toThrow();
  });

  it('naming neither a case nor a record is refused (nothing_requested), in the decider and the contract', () => {
    expect(() => receive([])).toThrow(NothingRequestedError);
    expect(
      FoiaRequestReceived.schema.safeParse({
        requester,
        description: 'x',
        caseIds: [],
        jurisdiction: 'federal',
        receivedAt: '2026-06-02T00:00:00Z',
      }).success,
    ).toBe(false);
  });

  it('an event stored before records could be named is valid as it is', () => {
    expect(
      FoiaRequestReceived.schema.safeParse({
        requester,
        description: 'x',
        caseIds: [CASE],
        jurisdiction: 'federal',
        receivedAt: '2026-06-02T00:00:00Z',
      }).success,
    ).toBe(true);
  });

  it('refuses to record redactions of a record the request does not name (record_not_requested)', () => {
    const state = evolveFoia(initialFoiaState, receive([], records)[0]);
    const log = buildFoiaPackage(input()).redactionLog;
    expect(() =>
      decideFoia(
        {
          type: 'RecordCompilation',
          requestId: 'r-1',
          now: '2026-06-02T00:00:00Z',
          compilation: { cutoff: CUTOFF, packageSha256: 'a'.repeat(64), records: 0, redactions: log.length },
          redactionLog: log,
        },
        state,
      ),
    ).toThrow(RecordNotRequestedError); // the disclosure ledger is not named
    const named = log.filter((e) => e.record?.section !== 'disclosure_ledger');
    const events = decideFoia(
      {
        type: 'RecordCompilation',
        requestId: 'r-1',
        now: '2026-06-02T00:00:00Z',
        compilation: { cutoff: CUTOFF, packageSha256: 'a'.repeat(64), records: 0, redactions: named.length },
        redactionLog: named,
      },
      state,
    );
    expect(events.map((e) => e.type)).toEqual(['RedactionApplied', 'RedactionApplied', 'RecordsCompiled']);
  });
});

describe("free text of a named record (an agreement's amendment summary)", () => {
  const summary = `Extended six months; ${POINT_PERSON.name} (call ${POINT_PERSON.phone}) confirms for the center.`;
  const pkg = buildFoiaPackage(
    input({
      records: {
        agreements: [{ agreementId: AGREEMENT, records: agreementRecordsWithAmendment(summary) }],
        referralStatistics: [],
        disclosureLedger: [],
      },
    }),
  );
  const amended = pkg.records!.agreements[0].records.find((r) => r.type === 'AgreementAmended')!;

  it("withholds the point person's name and phone inside it under 5 U.S.C. 552(b)(6), each logged under the agreement with its kind and span", () => {
    const text = amended.data.summary as string;
    expect(text).not.toContain(POINT_PERSON.name);
    expect(text).not.toContain(POINT_PERSON.phone);
    expect(text).toContain('Extended six months;');
    const inText = pkg.redactionLog.filter((e) => e.eventId === amended.eventId && e.kind !== undefined);
    expect(inText.map((e) => e.kind).sort()).toEqual(['name', 'phone']);
    for (const e of inText) {
      expect(e.record).toEqual({ section: 'agreements', id: AGREEMENT });
      expect(e.path).toMatch(/^data\.summary@\d+-\d+$/);
      expect(e.exemptions).toContain('(b)(6)');
    }
  });

  it('releases a span an officer overrode, and only that one', () => {
    const phone = pkg.redactionLog.find((e) => e.eventId === amended.eventId && e.kind === 'phone')!;
    const again = buildFoiaPackage(
      input({
        overrides: [{ eventId: amended.eventId, path: phone.path }],
        records: {
          agreements: [{ agreementId: AGREEMENT, records: agreementRecordsWithAmendment(summary) }],
          referralStatistics: [],
          disclosureLedger: [],
        },
      }),
    );
    const text = again.records!.agreements[0].records.find((r) => r.type === 'AgreementAmended')!.data
      .summary;
    expect(text).toContain(POINT_PERSON.phone);
    expect(text).not.toContain(POINT_PERSON.name);
  });
});
