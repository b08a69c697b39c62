/**
 * Redaction inside free text and evidence files (issue 22, items 4 and 5) as a FOIA officer
 * meets it: HTTP -> gateway -> NATS -> audit, the evidence uploaded through investigation and
 * read back from its store by audit. A note names the worker and her phone; a text file and a PDF
 * name them too; none of it may reach a released package, in JSON or HTML, and the log lists each.
 */
import { randomUUID } from 'node:crypto';
import { PLANTED_NAME, PLANTED_PHONE, receiveInput } from '@lse/intake-domain/test/fixtures';
import { buildPdf } from '@lse/audit-domain/test/pdf';
import { Api } from '../support/http';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(180_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const PLANTED_EMAIL = 'rosa.planted@example.org';
const PLANTED_SSN = '123-45-6789';
const NOTE = `Covered car wash. ${PLANTED_NAME} called from ${PLANTED_PHONE}; she can also be reached at ${PLANTED_EMAIL}. Twelve workers on the night shift.`;
const TEXT_FILE = `Time sheet kept by ${PLANTED_NAME}\nPhone ${PLANTED_PHONE}, SSN ${PLANTED_SSN}\nMonday 11 hours\n`;
const PDF_FILE = buildPdf(
  `BT /F1 12 Tf 72 720 Td (Pay stub for ${PLANTED_NAME}) Tj 0 -14 Td (Call ${PLANTED_PHONE}: 52 hours paid straight) Tj ET`,
  { flate: true },
);
const PLANTED = [PLANTED_NAME, PLANTED_PHONE, PLANTED_EMAIL, PLANTED_SSN, 'Rosa', 'officer-7'];

interface LogEntry {
  n: number;
  eventId: string;
  path: string;
  exemptions: string[];
  kind?: string;
  span?: { start: number; end: number };
  reason?: string;
  released: boolean;
}
interface Compiled {
  sha256: string;
  package: {
    law: string;
    exemptions: Record<string, string>;
    redactionLog: LogEntry[];
    cases: Array<{
      records: Array<{ eventId: string; type: string; data: Record<string, unknown> }>;
      evidence: Array<{ mediaType: string; text?: string; withheld?: { reason: string } }>;
    }>;
  };
}

describe('FOIA: redaction inside free text and evidence files, through the gateway', () => {
  let system: RunningSystem;
  let api: Api;
  let caseId: string;

  beforeAll(async () => {
    system = await startSystem();
    api = new Api(system.gatewayUrl);
    const received = await api.request<{ caseId: string }>('POST', '/complaints', {
      as: 'intake_officer',
      sub: 'officer-7',
      body: receiveInput(),
    });
    expect(received.status).toBe(201);
    caseId = received.body.caseId;
    const steps: Array<[string, unknown]> = [
      ['jurisdiction-assessment', { inJurisdiction: true, statutes: ['FLSA'], reason: NOTE }],
      ['triage', {}],
      ['open', {}],
    ];
    for (const [path, body] of steps) {
      const res = await api.request('POST', `/complaints/${caseId}/${path}`, {
        as: 'intake_officer',
        sub: 'officer-7',
        body,
      });
      expect(res.status).toBe(200);
    }
    // The investigation opens by itself on CaseOpened; evidence is attached to it.
    const deadline = Date.now() + 30_000;
    while (
      (await api.request('GET', `/cases/${caseId}/investigation`, { as: 'supervisor' })).status !== 200
    ) {
      if (Date.now() > deadline) throw new Error('the investigation did not open');
      await sleep(100);
    }
    for (const [body, mediaType, name] of [
      [Buffer.from(TEXT_FILE), 'text/plain', 'timesheet.txt'],
      [PDF_FILE, 'application/pdf', 'stub.pdf'],
      [Buffer.from('not an image really'), 'image/jpeg', 'photo.jpg'],
    ] as const) {
      const res = await fetch(
        `${system.gatewayUrl}/api/v1/cases/${caseId}/investigation/evidence?fileName=${name}`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${await api.token('investigator', 'inv-3')}`,
            'content-type': mediaType,
          },
          body,
        },
      );
      expect(res.status).toBe(200);
    }
  });
  afterAll(async () => {
    await system?.stop();
  });

  const receive = async (jurisdiction?: string) => {
    const created = await api.request<{ requestId: string }>('POST', '/foia-requests', {
      as: 'foia_officer',
      sub: 'records-1',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        requester: { name: 'A. Reporter', organization: 'Bay Ledger' },
        description: 'The car wash case, with its evidence.',
        caseIds: [caseId],
        ...(jurisdiction ? { jurisdiction } : {}),
      },
    });
    expect(created.status).toBe(201);
    return created.body.requestId;
  };
  const compile = async (requestId: string, cutoff: string) => {
    const res = await api.request<Compiled>('POST', `/foia-requests/${requestId}/compilations`, {
      as: 'foia_officer',
      body: { cutoff },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(res.status).toBe(200);
    return res.body;
  };
  const override = (requestId: string, eventId: string, path: string) =>
    api.request('POST', `/foia-requests/${requestId}/overrides`, {
      as: 'foia_officer',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        caseId,
        eventId,
        path,
        justification: 'Reviewed: releasable after redaction of personal data.',
      },
    });

  it('releases the note with the worker and her phone withheld inside it, and the evidence files redacted', async () => {
    const cutoff = new Date().toISOString();
    const requestId = await receive();
    const first = await compile(requestId, cutoff);
    const assessment = first.package.cases[0].records.find((r) => r.type === 'JurisdictionAssessed')!;
    // Withheld whole ((b)(5)) until the officer releases it...
    expect(
      first.package.redactionLog.some((e) => e.eventId === assessment.eventId && e.path === 'data.reason'),
    ).toBe(true);
    expect((await override(requestId, assessment.eventId, 'data.reason')).status).toBe(201);
    // ... then released with the names and personal data inside it withheld, each in the log.
    const second = await compile(requestId, cutoff);
    const reason = second.package.cases[0].records.find((r) => r.type === 'JurisdictionAssessed')!.data
      .reason as string;
    expect(reason).toMatch(
      /^Covered car wash\. \[WITHHELD .*\] called from \[WITHHELD .*\]; she can also be reached at \[WITHHELD .*\]\. Twelve workers on the night shift\.$/,
    );
    const inNote = second.package.redactionLog.filter((e) => e.path.startsWith('data.reason@'));
    expect(inNote.map((e) => e.kind)).toEqual(['name', 'phone', 'email']);
    // She asked for confidentiality: her name cites the confidential-source exemption.
    expect(inNote[0].exemptions).toEqual(['(b)(7)(D)']);
    expect(inNote[1].exemptions).toEqual(['(b)(6)', '(b)(7)(C)']);
    for (const e of inNote) expect(NOTE.slice(e.span!.start, e.span!.end)).not.toMatch(/Covered|Twelve/);

    const [text, pdf, photo] = second.package.cases[0].evidence;
    expect(text.text).toContain('Monday 11 hours');
    expect(pdf.text).toContain('52 hours paid straight');
    expect(photo.withheld).toEqual(expect.objectContaining({ reason: 'other_format' }));
    const inFiles = second.package.redactionLog.filter((e) => e.path.startsWith('evidence.'));
    expect(inFiles.map((e) => e.kind)).toEqual(['name', 'phone', 'ssn', 'name', 'phone']);

    // An officer may release one redaction inside the text, or inside a file: by its path and span.
    const phone = inNote[1];
    expect((await override(requestId, phone.eventId, phone.path)).status).toBe(201);
    expect((await override(requestId, phone.eventId, 'data.reason@0-7')).status).toBe(400);
    const fileSsn = inFiles.find((e) => e.kind === 'ssn')!;
    expect((await override(requestId, fileSsn.eventId, fileSsn.path)).status).toBe(201);
    const third = await compile(requestId, cutoff);
    expect(third.package.redactionLog.find((e) => e.path === phone.path)).toMatchObject({ released: true });
    expect(third.package.cases[0].evidence[0].text).toContain(PLANTED_SSN);
    expect(
      third.package.cases[0].records.find((r) => r.type === 'JurisdictionAssessed')!.data.reason as string,
    ).toContain(PLANTED_PHONE);

    // Released without that one release, on a fresh request: nothing planted anywhere.
    const clean = await receive();
    await compile(clean, cutoff);
    expect((await override(clean, assessment.eventId, 'data.reason')).status).toBe(201);
    const released = await api.request<Compiled>('POST', `/foia-requests/${clean}/release`, {
      as: 'foia_officer',
      body: { cutoff },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(released.status).toBe(200);
    const html = await api.request<string>('GET', `/foia-requests/${clean}/package?format=html`, {
      as: 'foia_officer',
    });
    expect(html.status).toBe(200);
    const json = await api.request('GET', `/foia-requests/${clean}/package`, { as: 'foia_officer' });
    expect(json.status).toBe(200);
    for (const body of [JSON.stringify(released.body.package), html.body, JSON.stringify(json.body)])
      for (const planted of PLANTED) expect(body).not.toContain(planted);
    expect(html.body).toContain('Twelve workers on the night shift.');
    expect(html.body).toContain('(a phone number)');
    expect(html.body).toContain('<h3>Evidence files</h3>');
  });

  it('a California request cites the California Public Records Act', async () => {
    const requestId = await receive('california');
    const compiled = await compile(requestId, new Date().toISOString());
    expect(compiled.package.law).toContain('Cal. Gov. Code 7920.000');
    expect(Object.keys(compiled.package.exemptions)).toEqual(
      expect.arrayContaining(['Gov. Code 7927.700', 'Gov. Code 7923.600', 'Gov. Code 7922.000']),
    );
    expect(JSON.stringify(compiled.package)).not.toContain('(b)(');
    const inFiles = compiled.package.redactionLog.filter((e) => e.path.startsWith('evidence.'));
    expect(inFiles.find((e) => e.kind === 'phone')!.exemptions).toEqual([
      'Gov. Code 7927.700',
      'Cal. Const. art. I, 1',
    ]);
    for (const planted of PLANTED) expect(JSON.stringify(compiled.package)).not.toContain(planted);
  });
});
