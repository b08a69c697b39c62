import { createHash } from 'node:crypto';
import { RedactionApplied } from '@lse/contracts';
import { PLANTED } from '@lse/contracts/src/complaint/examples';
import {
  buildFoiaPackage,
  ERASED_CASE_TEXT_REASON,
  evidenceText,
  packageDigest,
  redactionParts,
  renderPackageHtml,
  withheldMarker,
  type CaseRecord,
} from '..';
import { buildPdf } from '../../test/pdf';
import { CASE, openedCase, record } from '../../test/records';

const WITNESS = 'Luis Ortega Vidal';
const NOTE =
  `Spoke with ${WITNESS} (luis.ov@example.org, 510-555-0111). He says ${PLANTED.name} was paid cash; ` +
  'her SSN 123-45-6789 is on the stub. He lives at 1234 Mission St., Apt 5, San Francisco, CA 94110. ' +
  'The owner paid 52 hours at straight time on 2026-01-09.';
const PLANTED_IN_NOTE = [
  WITNESS,
  'Luis',
  'luis.ov@example.org',
  '510-555-0111',
  PLANTED.name,
  '123-45-6789',
  '1234 Mission St',
];

/** The opened case, then an interview of a witness (not a confidential source) whose summary is NOTE. */
function caseWithInterview(): CaseRecord[] {
  const records = openedCase();
  records.push(
    record(
      'InterviewRecorded',
      {
        interviewId: '5b0f2c1e-6a3d-4e7f-8a9b-0c1d2e3f4a5b',
        interviewee: { role: 'witness', name: WITNESS, phone: '+1 510 555 0111', confidentialSource: false },
        interviewedOn: '2026-01-20',
        language: 'es',
        interpreterUsed: false,
        traumaInformedProtocol: false,
        summary: NOTE,
      },
      4,
      '2026-01-20T18:00:00.000Z',
    ),
  );
  return records;
}

const build = (
  records: CaseRecord[],
  overrides: Array<{ eventId: string; path: string }> = [],
  jurisdiction = 'federal',
  evidenceContent: Record<string, Uint8Array> = {},
) =>
  buildFoiaPackage({
    requestId: 'r-1',
    jurisdiction,
    cutoff: '2026-02-01T00:00:00Z',
    cases: [{ caseId: CASE, openAtCutoff: false, records, evidenceContent }],
    overrides,
  });

const interview = (records: CaseRecord[]) => records.find((r) => r.type === 'InterviewRecorded')!;
const summaryOf = (pkg: ReturnType<typeof build>) =>
  (pkg.cases[0].records.find((r) => r.type === 'InterviewRecorded')!.data as { summary: string }).summary;

describe('redaction inside free text a FOIA package releases (5 U.S.C. 552(b)(6), (b)(7)(C), (b)(7)(D))', () => {
  it('leaves a withheld note withheld whole, with no redactions inside it', () => {
    const pkg = build(caseWithInterview());
    expect(summaryOf(pkg)).toMatch(/^\[WITHHELD \(b\)\(5\) #\d+\]$/);
    expect(pkg.redactionLog.filter((e) => e.path.startsWith('data.summary@'))).toEqual([]);
  });

  it('in a note released by an override, withholds each name, e-mail, phone, SSN and address, and keeps the rest', () => {
    const records = caseWithInterview();
    const pkg = build(records, [{ eventId: interview(records).eventId, path: 'data.summary' }]);
    const summary = summaryOf(pkg);
    for (const planted of PLANTED_IN_NOTE) expect(summary).not.toContain(planted);
    expect(summary).toContain('was paid cash');
    expect(summary).toContain('The owner paid 52 hours at straight time on 2026-01-09.');
    const inside = pkg.redactionLog.filter((e) => e.path.startsWith('data.summary@'));
    expect(inside.map((e) => [e.kind, e.exemptions])).toEqual([
      ['name', ['(b)(6)', '(b)(7)(C)']],
      ['email', ['(b)(6)', '(b)(7)(C)']],
      ['phone', ['(b)(6)', '(b)(7)(C)']],
      // She asked for confidentiality: her name cites the confidential-source exemption.
      ['name', ['(b)(7)(D)']],
      ['ssn', ['(b)(6)', '(b)(7)(C)']],
      ['address', ['(b)(6)', '(b)(7)(C)']],
    ]);
    for (const e of inside) {
      expect(e.path).toBe(`data.summary@${e.span!.start}-${e.span!.end}`);
      expect(e.reason).toBeTruthy();
      expect(e.released).toBe(false);
      expect(summary).toContain(withheldMarker(e.exemptions, e.n));
    }
    expect(NOTE.slice(inside[0].span!.start, inside[0].span!.end)).toBe(WITNESS);
    // The log says what and where, never the text.
    const log = JSON.stringify(pkg.redactionLog);
    for (const planted of PLANTED_IN_NOTE) expect(log).not.toContain(planted);
    expect(pkg.summary.withheld).toBe(pkg.redactionLog.filter((e) => !e.released).length);
  });

  it('shows the markers in the HTML as for fields, and the log rows say why', () => {
    const records = caseWithInterview();
    const pkg = build(records, [{ eventId: interview(records).eventId, path: 'data.summary' }]);
    const html = renderPackageHtml(pkg);
    for (const planted of PLANTED_IN_NOTE) expect(html).not.toContain(planted);
    const phone = pkg.redactionLog.find((e) => e.kind === 'phone' && e.path.startsWith('data.summary@'))!;
    expect(html).toContain(withheldMarker(phone.exemptions, phone.n));
    expect(html).toContain(`${phone.path} (a phone number)`);
  });

  it('an override of one redaction inside the text (its path and span) releases exactly that span', () => {
    const records = caseWithInterview();
    const eventId = interview(records).eventId;
    const first = build(records, [{ eventId, path: 'data.summary' }]);
    const phone = first.redactionLog.find((e) => e.kind === 'phone' && e.path.startsWith('data.summary@'))!;
    const pkg = build(records, [
      { eventId, path: 'data.summary' },
      { eventId, path: phone.path },
    ]);
    expect(summaryOf(pkg)).toContain('510-555-0111');
    expect(summaryOf(pkg)).not.toContain(WITNESS);
    expect(pkg.redactionLog.find((e) => e.path === phone.path)).toMatchObject({ released: true, n: phone.n });
  });

  it('records kind and span (never the text) in RedactionApplied, which its schema accepts', () => {
    const records = caseWithInterview();
    const pkg = build(records, [{ eventId: interview(records).eventId, path: 'data.summary' }]);
    const parts = redactionParts(pkg.cutoff, pkg.redactionLog);
    for (const part of parts) expect(() => RedactionApplied.schema.parse(part)).not.toThrow();
    const entries = parts.flatMap((p) => p.redactions).filter((r) => r.kind);
    expect(entries).toHaveLength(6);
    expect(entries[0]).toMatchObject({ kind: 'name', span: { start: 11, end: 11 + WITNESS.length } });
  });

  it('finds the names the case knows only up to the cut-off', () => {
    const records = caseWithInterview();
    const later = record(
      'InterviewRecorded',
      {
        interviewId: '6c1f2c1e-6a3d-4e7f-8a9b-0c1d2e3f4a5b',
        interviewee: { role: 'witness', name: 'Zelda Quintanilla', confidentialSource: false },
        interviewedOn: '2026-03-01',
        language: 'en',
        interpreterUsed: false,
        traumaInformedProtocol: false,
        summary: 'Nothing new.',
      },
      5,
      '2026-03-01T18:00:00.000Z',
    );
    const eventId = interview(records).eventId;
    records[records.length - 1] = {
      ...records[records.length - 1],
      data: { ...interview(records).data, summary: 'Zelda Quintanilla saw it.' },
    };
    const pkg = build([...records, later], [{ eventId, path: 'data.summary' }]);
    // Zelda is named only in a record after the cut-off: the package does not know her.
    expect(summaryOf(pkg)).toBe('Zelda Quintanilla saw it.');
  });
});

describe('a California request cites the California Public Records Act (Cal. Gov. Code 7920.000 et seq.)', () => {
  it('cites Gov. Code 7927.700 and Cal. Const. art. I, 1 for personal data, 7923.600 for a confidential source', () => {
    const records = caseWithInterview();
    const pkg = build(records, [{ eventId: interview(records).eventId, path: 'data.summary' }], 'california');
    expect(pkg.law).toContain('Cal. Gov. Code 7920.000');
    const inside = pkg.redactionLog.filter((e) => e.path.startsWith('data.summary@'));
    expect(inside[0].exemptions).toEqual(['Gov. Code 7927.700', 'Cal. Const. art. I, 1']);
    expect(inside[3].exemptions).toEqual(['Gov. Code 7923.600', 'Gov. Code 7927.705', 'Evid. Code 1041']);
    expect(summaryOf(pkg)).toContain('[WITHHELD Gov. Code 7927.700, Cal. Const. art. I, 1 #');
    expect(Object.keys(pkg.exemptions)).toContain('Gov. Code 7922.000'); // the triage explanation
    expect(JSON.stringify(pkg)).not.toContain('(b)(');
    // The investigatory-file exemption does not lapse with the case: cited on a closed case too.
    expect((pkg.cases[0].records[2].data as { priority: string }).priority).toContain('Gov. Code 7923.600');
  });
});

describe('evidence files in a FOIA package', () => {
  it('leaves a case without evidence as its package was (no evidence key, same digest as before)', () => {
    const pkg = buildFoiaPackage({
      requestId: 'r',
      jurisdiction: 'federal',
      cutoff: '2026-02-01T00:00:00Z',
      cases: [{ caseId: CASE, openAtCutoff: false, records: openedCase() }],
      overrides: [{ eventId: openedCase()[0].eventId, path: 'data.intakeNotes' }],
    });
    expect(pkg.cases[0]).not.toHaveProperty('evidence');
    // The digest this package had before redaction inside free text and evidence files existed.
    expect(packageDigest(pkg)).toBe('207fcb417733f95fa03bcfeff51c0f217be492f4ee160b3f186199275e05a55e');
  });

  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const evidence = (id: string, mediaType: string, content: Buffer, n: number, sizeBytes = content.length) =>
    record(
      'EvidenceAttached',
      {
        evidenceId: id,
        sha256: sha(content),
        sizeBytes,
        mediaType,
        storageRef: `sha256:${sha(content)}`,
        fileName: `${WITNESS}.txt`,
        description: 'From the witness.',
      },
      n,
      '2026-01-21T10:00:00.000Z',
    );
  const TEXT = Buffer.from(`Time sheet kept by ${WITNESS}, phone 510-555-0111.\nMonday 11 hours.`);
  const PDF = buildPdf(
    `BT /F1 12 Tf 72 720 Td (Pay stub of ${PLANTED.name}) Tj 0 -14 Td (SSN 123-45-6789, 52 hours) Tj ET`,
    {
      flate: true,
    },
  );
  const SCAN = buildPdf('q 612 0 0 792 0 0 cm /Im1 Do Q', { image: true });
  const PHOTO = Buffer.from('not really a jpeg');
  const ids = [
    '11111111-1111-4111-8111-111111111111',
    '22222222-2222-4222-8222-222222222222',
    '33333333-3333-4333-8333-333333333333',
    '44444444-4444-4444-8444-444444444444',
    '55555555-5555-4555-8555-555555555555',
    '66666666-6666-4666-8666-666666666666',
  ];

  const pkg = () => {
    const records = [
      ...caseWithInterview(),
      evidence(ids[0], 'text/plain', TEXT, 5),
      evidence(ids[1], 'application/pdf', PDF, 6),
      evidence(ids[2], 'application/pdf', SCAN, 7),
      evidence(ids[3], 'image/jpeg', PHOTO, 8),
      evidence(ids[4], 'text/plain', Buffer.from('absent'), 9),
      evidence(ids[5], 'text/plain', TEXT, 10, 5_000_000),
    ];
    const content = Object.fromEntries([TEXT, PDF, SCAN, PHOTO].map((b) => [sha(b), b]));
    return build(records, [], 'federal', content);
  };

  it('includes text and PDF files as redacted text, with their redactions in the log', () => {
    const p = pkg();
    const [text, pdf] = p.cases[0].evidence!;
    expect(text.text).toMatch(
      /^Time sheet kept by \[WITHHELD \(b\)\(6\), \(b\)\(7\)\(C\) #\d+\], phone \[WITHHELD/,
    );
    expect(text.text).toContain('Monday 11 hours.');
    expect(pdf.text).toMatch(
      /^Pay stub of \[WITHHELD \(b\)\(7\)\(D\) #\d+\]\nSSN \[WITHHELD .*\], 52 hours$/,
    );
    const logged = p.redactionLog.filter((e) => e.path.startsWith('evidence.'));
    expect(logged.map((e) => [e.path.replace(/@.*/, ''), e.kind])).toEqual([
      [`evidence.${ids[0]}.text`, 'name'],
      [`evidence.${ids[0]}.text`, 'phone'],
      [`evidence.${ids[1]}.text`, 'name'],
      [`evidence.${ids[1]}.text`, 'ssn'],
    ]);
    expect(logged[0].eventId).toBe(p.cases[0].records.find((r) => r.type === 'EvidenceAttached')!.eventId);
    const json = JSON.stringify(p);
    const html = renderPackageHtml(p);
    for (const planted of [WITNESS, '510-555-0111', PLANTED.name, '123-45-6789']) {
      expect(json).not.toContain(planted);
      expect(html).not.toContain(planted);
    }
    expect(html).toContain('<h3>Evidence files</h3>');
  });

  it('withholds a scan, another format, a missing file and one too large, each with its reason', () => {
    const withheld = pkg()
      .cases[0].evidence!.slice(2)
      .map((e) => [e.text, e.withheld?.reason]);
    expect(withheld).toEqual([
      [undefined, 'scanned_image'],
      [undefined, 'other_format'],
      [undefined, 'unavailable'],
      [undefined, 'too_large'],
    ]);
    expect(renderPackageHtml(pkg())).toContain('Withheld in full: The PDF holds page images and no text');
  });
});

describe('evidence of an erased case (docs/erasure.md#evidence-files)', () => {
  it('is withheld whole with the reason erased, whatever its format', () => {
    for (const mediaType of ['text/plain', 'application/pdf']) {
      expect(
        evidenceText({
          evidenceId: 'e',
          mediaType,
          sizeBytes: 10,
          sha256: '0'.repeat(64),
          content: 'erased',
        }),
      ).toEqual({
        status: 'withheld',
        reason: 'erased',
        detail: "The file was erased with the case's personal data: it can no longer be read.",
      });
    }
  });
});

describe('free text of a case a person was erased from (docs/erasure.md)', () => {
  /** The case as read after a worker's key was destroyed: one record carries erased leaves. */
  const erasedCase = () => {
    const records = caseWithInterview();
    records[0] = { ...records[0], erasedPaths: ['data.complainants.0.name'] };
    return records;
  };

  it('withholds a released note whole under 5 U.S.C. 552(b)(6), since the erased name can no longer be found in it', () => {
    const records = erasedCase();
    const pkg = build(records, [{ eventId: interview(records).eventId, path: 'data.summary' }]);
    const summary = summaryOf(pkg);
    for (const planted of PLANTED_IN_NOTE) expect(summary).not.toContain(planted);
    const entry = pkg.redactionLog.find((e) => e.reason === ERASED_CASE_TEXT_REASON)!;
    expect(entry).toMatchObject({
      path: `data.summary@0-${NOTE.length}`,
      classification: 'personal',
      exemptions: ['(b)(6)', '(b)(7)(C)'],
      released: false,
    });
    expect(summary).toBe(withheldMarker(entry.exemptions, entry.n));
  });

  it('releases it only on an override naming the whole text, not on the override of the field', () => {
    const records = erasedCase();
    const eventId = interview(records).eventId;
    const pkg = build(records, [
      { eventId, path: 'data.summary' },
      { eventId, path: `data.summary@0-${NOTE.length}` },
    ]);
    expect(summaryOf(pkg)).toBe(NOTE);
  });

  it('leaves a case nobody was erased from as it was (same digest)', () => {
    const records = caseWithInterview();
    const overrides = [{ eventId: interview(records).eventId, path: 'data.summary' }];
    expect(packageDigest(build(records, overrides))).toBe(
      packageDigest(build(caseWithInterview(), overrides)),
    );
    expect(build(records, overrides).redactionLog.some((e) => e.reason === ERASED_CASE_TEXT_REASON)).toBe(
      false,
    );
  });
});
