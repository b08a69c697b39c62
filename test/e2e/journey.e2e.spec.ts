/**
 * The whole journey, as production runs it (every service its own process, `startSystem()`), over
 * HTTP only, driven by the demo's own scenario (`scripts/demo/scenario.ts`, what `npm run demo`
 * runs): a worker center refers two workers -> intake receives a partner_referral complaint ->
 * the case opens -> investigation opens by itself -> assigned, payroll CSV, back wages,
 * determination proposed, approved by another person, issued -> collections opens by itself ->
 * settlement, payments, disbursement -> the partner sees only what its agreement and consent
 * allow -> a FOIA package as of a cut-off, released without any planted personal data -> the
 * auditor's history of the case holds every service's events, each handoff caused by its trigger.
 * Then the demo's command line: a second run finds the partners and seeds new cases; without a
 * gateway it fails in one line.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@lse/testing';
import { DemoApi, eventually, type Who } from '../../scripts/demo/api';
import { CAR_WASH, PLANTED_PERSONAL_DATA, STAFF } from '../../scripts/demo/data';
import { runScenario, type ScenarioResult } from '../../scripts/demo/scenario';
import { RunningSystem, startSystem } from '../support/system';

jest.setTimeout(180_000);

/*
 * Back wages by hand, independent of @lse/wage-rules (FLSA; every hour paid at straight time;
 * regular rate = pay / hours, at least $7.25; half of it per hour over 40; minimum wage shortfall;
 * each workweek rounded once, half up; liquidated damages equal the back wages).
 */
function handWeek(hours: number, payCents: number): number {
  const owedMinimum = Math.max(0, 725 * hours - payCents);
  const rateTimesHours = Math.max(payCents, 725 * hours);
  const overtime = hours > 40 ? (rateTimesHours * (hours - 40)) / (2 * hours) : 0;
  return Math.floor(owedMinimum + overtime + 0.5);
}
const [MARIA, JOSE] = CAR_WASH.referredWorkers.map((w) => w.name);
const ANA = CAR_WASH.coworker.name;
const UNPAID: Record<string, number> = {
  [MARIA]: handWeek(52, 52 * 1200) + handWeek(48, 48 * 1200), // $12.00/h, all hours at straight time
  [JOSE]: handWeek(54, 540_00), // piece work
  [ANA]: handWeek(60, 400_00), // a flat weekly sum
};
const UNPAID_TOTAL = UNPAID[MARIA] + UNPAID[JOSE] + UNPAID[ANA];

type Disclosure = {
  milestone: string;
  kind: string;
  reason?: string;
  agreementId?: string;
  fields: Record<string, unknown>;
  withheldFields?: string[];
};
type ReferralView = {
  status: string;
  disclosures: Disclosure[];
  consents: Array<{ workerId: string; version: number; scopes: string[] }>;
};
type HistoryItem = {
  eventId: string;
  type: string;
  sourceService: string;
  causationId?: string;
  actor: { id: string; role: string };
};

describe('the journey from partner referral to disbursement and FOIA release, every service its own process', () => {
  let system: RunningSystem;
  let api: DemoApi;
  let r: ScenarioResult;
  const progress: string[] = [];
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    let t = Date.now();
    system = await startSystem();
    timings.systemStartMs = Date.now() - t;
    api = new DemoApi(system.gatewayUrl);
    t = Date.now();
    try {
      r = await runScenario(api, { waitMs: 60_000, log: (line) => progress.push(line) });
    } catch (err) {
      const tail = [...system.logs].map(([s, l]) => `--- ${s}\n${l.slice(-10).join('\n')}`).join('\n');
      throw new Error(`${(err as Error).message}\nprogress:\n${progress.join('\n')}\n${tail}`);
    }
    timings.scenarioMs = Date.now() - t;
  });
  afterAll(async () => {
    await system?.stop();
    process.stdout.write(`journey timings: ${JSON.stringify(timings)}\n`);
  });

  const get = async <T>(path: string, who: Who) => (await api.get<T>(path, who)).body;

  it('turns the referral into a partner_referral complaint under the referral id and opens the case', async () => {
    const complaint = await get<{
      status: string;
      complaint: {
        channel: string;
        referralId: string;
        complainants: Array<{ name: string; preferredLanguage: string; interpreterNeeded: boolean }>;
      };
    }>(`/complaints/${r.carWash.caseId}`, STAFF.officer);
    expect(r.carWash.channel).toBe('partner_referral');
    expect(complaint.status).toBe('opened');
    expect(complaint.complaint).toMatchObject({ channel: 'partner_referral', referralId: r.carWash.caseId });
    expect(complaint.complaint.complainants.map((c) => c.name)).toEqual([MARIA, JOSE]);
    expect(r.carWash.caseNumber).toMatch(/^LSE-\d{4}-\d{6}$/);
    // The consulate's referral is a consulate_referral; the hotline call in Spanish was cross-filed with OSHA.
    expect(r.taqueria.channel).toBe('consulate_referral');
    const framing = await get<{
      status: string;
      complaint: {
        channel: string;
        complainants: Array<{ preferredLanguage: string; interpreterNeeded: boolean }>;
        crossFilings: Array<{ receivingAgency: string; crossFiled: boolean }>;
      };
    }>(`/complaints/${r.framing.caseId}`, STAFF.officer);
    expect(framing.status).toBe('opened');
    expect(framing.complaint.channel).toBe('hotline');
    expect(framing.complaint.complainants).toEqual([
      expect.objectContaining({ preferredLanguage: 'es', interpreterNeeded: true }),
    ]);
    expect(framing.complaint.crossFilings).toEqual([
      expect.objectContaining({ receivingAgency: 'OSHA', crossFiled: true }),
    ]);
    expect(new Set([r.carWash.caseNumber, r.taqueria.caseNumber, r.framing.caseNumber]).size).toBe(3);
  });

  it('investigates: assigned, hours from CSV, back wages equal to the hand computation, determination approved by another person and issued', async () => {
    const inv = r.carWash.investigation;
    // Only Ana Lucía's flat sum falls below the minimum wage: $435.00 - $400.00.
    const minimumWageCents = 725 * 60 - 400_00;
    expect(inv.backWages).toEqual({
      minimumWageCents,
      overtimeCents: UNPAID_TOTAL - minimumWageCents,
      unpaidWagesCents: UNPAID_TOTAL,
      liquidatedDamagesCents: UNPAID_TOTAL,
      totalCents: 2 * UNPAID_TOTAL,
    });
    expect(inv.proposedBy).toBe(STAFF.investigator.sub);
    expect(inv.approvedBy).toBe(STAFF.supervisor.sub);
    const workers = inv.issued.workers as Array<{ name: string; totalCents: number }>;
    expect(Object.fromEntries(workers.map((w) => [w.name, w.totalCents]))).toEqual({
      [MARIA]: 2 * UNPAID[MARIA],
      [JOSE]: 2 * UNPAID[JOSE],
      [ANA]: 2 * UNPAID[ANA],
    });
    const view = await get<{ status: string; investigatorId: string }>(
      `/cases/${r.carWash.caseId}/investigation`,
      STAFF.auditor,
    );
    expect(view).toMatchObject({ status: 'closed', investigatorId: STAFF.investigator.sub });
    const trace = await get<{ verified: boolean }>(
      `/cases/${r.carWash.caseId}/investigation/back-wage-computations/${inv.computationId}/trace`,
      STAFF.auditor,
    );
    expect(trace.verified).toBe(true);
    // The consulate's case is with its investigator.
    const taqueria = await get<{ status: string; investigatorId: string }>(
      `/cases/${r.taqueria.caseId}/investigation`,
      STAFF.supervisor,
    );
    expect(taqueria).toMatchObject({ status: 'open', investigatorId: STAFF.secondInvestigator.sub });
  });

  it('collects: settlement, payments from both liable employers, every worker paid what was collected for them', async () => {
    const c = r.carWash.collection;
    expect(c.assessedCents).toBe(2 * UNPAID_TOTAL);
    expect(c.debtors.map((d) => d.role).sort()).toEqual(['direct', 'joint']);
    expect(c.payments.reduce((t, p) => t + p.amountCents, 0)).toBe(2 * UNPAID_TOTAL);
    const byId = Object.fromEntries(c.workers.map((w) => [w.workerId, w.name]));
    expect(Object.fromEntries(c.disbursed.map((d) => [byId[d.workerId], d.amountCents]))).toEqual({
      [MARIA]: 2 * UNPAID[MARIA],
      [JOSE]: 2 * UNPAID[JOSE],
      [ANA]: 2 * UNPAID[ANA],
    });
    const ledger = await get<{ balanced: boolean; totals: Record<string, number> }>(
      `/collections/${r.carWash.caseId}/ledger`,
      STAFF.auditor,
    );
    expect(ledger.balanced).toBe(true);
    expect(ledger.totals).toMatchObject({
      assessedCents: 2 * UNPAID_TOTAL,
      collectedCents: 2 * UNPAID_TOTAL,
      disbursedCents: 2 * UNPAID_TOTAL,
      outstandingCents: 0,
      undisbursedCents: 0,
    });
    const view = await get<{ status: string }>(`/collections/${r.carWash.caseId}`, STAFF.auditor);
    expect(view.status).toBe('closed');
  });

  it('shows each partner only what its agreement and the workers’ consent allow', async () => {
    const wc = r.partners.workerCenter;
    // Every milestone reaches the worker center. Its agreement shares status and outcome, never
    // amounts; José Luis consented to status only until the determination was out.
    const own = await eventually(
      () => api.get<ReferralView>(`/referrals/${r.carWash.caseId}`, wc.staff),
      (res) => res.body.status === 'closed' && res.body.disclosures.length === 5,
      'the referral to close with five disclosures',
      30_000,
    );
    const [maria, jose] = r.carWash.referredWorkerIds;
    expect(own.body.consents).toEqual(
      expect.arrayContaining([
        { workerId: maria, version: 1, scopes: ['status', 'outcome'] },
        { workerId: jose, version: 2, scopes: ['status', 'outcome'] },
      ]),
    );
    expect(own.body.consents).toHaveLength(2);
    const at = (milestone: string) => {
      const d = own.body.disclosures.find((x) => x.milestone === milestone)!;
      expect([milestone, d.kind, d.agreementId]).toEqual([milestone, 'shared', wc.agreementId]);
      return { fields: Object.keys(d.fields).sort(), withheld: d.withheldFields, values: d.fields };
    };
    const status = ['occurredOn', 'stage', 'status'];
    expect(at('case_opened').fields).toEqual(['caseNumber', ...status].sort());
    expect(at('case_opened').values.caseNumber).toBe(r.carWash.caseNumber);
    expect(at('investigation_opened').fields).toEqual(status);
    // The outcome waits for every worker's consent; amounts are beyond the agreement.
    expect(at('determination_issued')).toMatchObject({
      fields: status,
      withheld: ['determinationOutcome', 'backWagesAssessedCents', 'civilPenaltiesCents'],
    });
    // After José Luis widened his consent, the outcome goes out; amounts still do not.
    expect(at('investigation_closed')).toMatchObject({
      fields: ['closureReason', ...status].sort(),
      withheld: [],
    });
    expect(at('investigation_closed').values.closureReason).toBe('determination_issued');
    // The amount collected is beyond a status-and-outcome agreement: withheld, and the ledger says so.
    expect(at('case_closed')).toMatchObject({
      fields: ['closureReason', ...status].sort(),
      withheld: ['amountCollectedCents'],
    });
    expect(at('case_closed').values.closureReason).toBe('paid_in_full');
    const text = JSON.stringify(own.body);
    for (const cents of [2 * UNPAID_TOTAL, UNPAID_TOTAL, 2 * UNPAID[MARIA], 2 * UNPAID[ANA]])
      expect(text).not.toContain(String(cents));
    // The liaison's ledger: each decision under the worker center's agreement.
    const ledger = await get<{ items: Disclosure[] }>(
      `/disclosures?referralId=${r.carWash.caseId}`,
      STAFF.liaison,
    );
    expect(ledger.items).toHaveLength(5);
    expect(new Set(ledger.items.map((d) => d.agreementId))).toEqual(new Set([wc.agreementId]));
    // The other partners see nothing of it: the same 404 as a referral that does not exist.
    for (const other of [r.partners.consulate, r.partners.legalAid]) {
      const res = await api.send('GET', `/referrals/${r.carWash.caseId}`, other.staff);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(r.carWash.caseNumber);
    }
    expect((await api.send('GET', `/referrals/${r.taqueria.caseId}`, wc.staff)).status).toBe(404);
    // The consulate sees its own referral's opening, under its status-and-outcome agreement.
    const consulate = await eventually(
      () => api.get<ReferralView>(`/referrals/${r.taqueria.caseId}`, r.partners.consulate.staff),
      (res) => res.body.disclosures.length >= 2,
      'the consulate’s disclosures',
      30_000,
    );
    expect(consulate.body.disclosures.map((d) => d.milestone).sort()).toEqual([
      'case_opened',
      'investigation_opened',
    ]);
  });

  it('releases a FOIA package as of the cut-off: reproducible, without any planted personal data', async () => {
    const { requestId, cutoff, sha256 } = r.foia;
    const request = await get<{ status: string; release: { packageSha256: string; cutoff: string } }>(
      `/foia-requests/${requestId}`,
      STAFF.foia,
    );
    expect(request).toMatchObject({ status: 'released', release: { packageSha256: sha256, cutoff } });
    // Every read serves the bytes kept at release, checked against the released digest.
    const pkg = await get<{
      cases: Array<{ caseId: string; openAtCutoff: boolean; records: Array<{ type: string }> }>;
    }>(`/foia-requests/${requestId}/package`, STAFF.foia);
    const carWash = pkg.cases.find((c) => c.caseId === r.carWash.caseId)!;
    const types = carWash.records.map((e) => e.type);
    // As of the cut-off: paid out, not yet closed.
    expect(types.filter((t) => t === 'DisbursementIssued')).toHaveLength(3);
    expect(types).toEqual(
      expect.arrayContaining(['ReferralSubmitted', 'ComplaintReceived', 'HoursAndWagesRecorded']),
    );
    expect(types).not.toContain('CollectionCaseClosed');
    expect(carWash.openAtCutoff).toBe(true);
    const html = await api.get<string>(`/foia-requests/${requestId}/package?format=html`, STAFF.foia);
    expect(html.body).toContain('WITHHELD');
    for (const text of [JSON.stringify(pkg), html.body]) {
      for (const planted of PLANTED_PERSONAL_DATA) expect(text).not.toContain(planted);
      // Surnames on their own (in ASCII, so no escaping of accents can hide them).
      for (const surname of ['Torres', 'Hern', 'Flores', 'Soto']) expect(text).not.toContain(surname);
      expect(text).not.toContain(CAR_WASH.employer.fein); // commercial, (b)(4)
    }
  });

  it('gives the auditor a history of the case with every service’s events, each handoff caused by its trigger', async () => {
    const wholeHistory = async () => {
      const all: HistoryItem[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: HistoryItem[]; nextCursor: string | null } = await get(
          `/cases/${r.carWash.caseId}/history?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
          STAFF.auditor,
        );
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    };
    const items = await eventually(
      wholeHistory,
      (all) => ['ReferralClosed', 'CollectionCaseClosed'].every((t) => all.some((i) => i.type === t)),
      'the timeline to hold the closing events',
      30_000,
    );
    expect(new Set(items.map((i) => i.sourceService))).toEqual(
      new Set(['partners', 'intake', 'investigation', 'collections', 'audit']),
    );
    const one = (type: string) => {
      const found = items.filter((i) => i.type === type);
      expect(found.map((i) => i.type)).toEqual([type]);
      return found[0];
    };
    // Each reaction names the event that caused it, and no person acted for it.
    const handoffs: Array<[string, string, string]> = [
      ['ReferralSubmitted', 'ComplaintReceived', 'intake'],
      ['CaseOpened', 'ReferralAccepted', 'partners'],
      ['CaseOpened', 'InvestigationOpened', 'investigation'],
      ['DeterminationIssued', 'CollectionCaseOpened', 'collections'],
      ['CollectionCaseClosed', 'ReferralClosed', 'partners'],
    ];
    for (const [cause, effect, service] of handoffs) {
      const reaction = one(effect);
      expect([effect, reaction.causationId, reaction.sourceService, reaction.actor.role]).toEqual([
        effect,
        one(cause).eventId,
        service,
        'system',
      ]);
    }
    expect(one('DeterminationProposed').actor.id).toBe(STAFF.investigator.sub);
    expect(one('DeterminationApproved').actor.id).toBe(STAFF.supervisor.sub);
    expect(items.filter((i) => i.type === 'StatusSharedWithPartner')).toHaveLength(5);
    expect(items.some((i) => i.type === 'RecordAccessed' && i.actor.role === 'auditor')).toBe(true);
  });

  it('npm run demo seeds again on the same system (partners found, new cases) and prints what to try; without a gateway it fails in one line', async () => {
    // The second run and the run without a gateway side by side: each is a fresh node process.
    const out = await mkdtemp(join(tmpdir(), 'journey-demo-'));
    const [second, down] = await Promise.all([
      runDemo({ GATEWAY_URL: system.gatewayUrl, DEMO_WAIT_MS: '60000', DEMO_OUT_DIR: out }),
      freePort().then((port) => runDemo({ GATEWAY_URL: `http://127.0.0.1:${port}` })),
    ]);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    for (const p of Object.values(r.partners)) expect(second.stdout).toContain(`partner found: ${p.name}`);
    const numbers = [...second.stdout.matchAll(/^ {2}(LSE-\d{4}-\d{6}) {2}([0-9a-f-]{36})/gm)].map(
      (m) => m[1],
    );
    expect(numbers).toHaveLength(3);
    for (const n of numbers)
      expect([r.carWash.caseNumber, r.taqueria.caseNumber, r.framing.caseNumber]).not.toContain(n);
    expect(second.stdout).toContain('npm run cases -- history $CASE');
    // Every `npm run cases` line it prints works as printed (issue 18: a FOIA compile of the
    // request it had released always failed).
    const caseId = /^ {2}CASE=([0-9a-f-]{36})$/m.exec(second.stdout)![1];
    const lines = [...second.stdout.matchAll(/^ {2}npm run cases -- (.+?)(?: {3}#.*)?$/gm)].map((m) => m[1]);
    expect(lines.some((l) => l.startsWith('foia '))).toBe(true);
    for (const line of lines) {
      const args = line.replace(/\$CASE/g, caseId).replace(' out/', ` ${join(out, 'cli')}`).split(/\s+/);
      const ran = await runCases(args, system.databaseUrl);
      expect([line, ran.code, ran.stderr]).toEqual([line, 0, '']);
    }
    expect(second.stdout).toMatch(/AUDITOR=\$\(npm run -s token -- --role auditor/);
    // The documents it saved to open: the employer's statement never names the confidential worker.
    const files = [...second.stdout.matchAll(/file:\/\/(\S+)/g)].map((m) => m[1]);
    expect(files.map((f) => f.slice(out.length + 1).replace(/^LSE-\d{4}-\d{6}\//, ''))).toEqual([
      'foia-package.html',
      'employer-statement.html',
      'worker-statement.html',
    ]);
    const [foiaHtml, employerHtml, workerHtml] = await Promise.all(files.map((f) => readFile(f, 'utf8')));
    expect(foiaHtml).toContain('WITHHELD');
    // The package reads as a document: summary and plain-words chronology before the records.
    expect(foiaHtml.indexOf('<h3>Chronology</h3>')).toBeGreaterThan(foiaHtml.indexOf('<h3>Summary</h3>'));
    expect(foiaHtml).toContain('The determination was issued');
    expect(employerHtml).toContain(JOSE);
    expect(employerHtml).not.toContain(MARIA);
    expect(employerHtml).not.toContain('Torres');
    // One confidential worker: no count and no per-worker amount that would single her out.
    expect(employerHtml).toContain('identities withheld');
    expect(employerHtml).not.toMatch(/\d+ worker\(s\)/);
    // José asked for Spanish on the referral: his statement is in Spanish, with whom to call.
    expect(workerHtml).toContain('<html lang="es">');
    expect(workerHtml).toContain('Sus salarios adeudados');
    expect(workerHtml).toContain('Cómo comunicarse con nosotros');
    await rm(out, { recursive: true, force: true });

    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(
      /^demo: the gateway is not reachable at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
    );
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
  });
});

/** `npm run cases` as a user runs it against the system's database. */
function runCases(args: string[], databaseUrl: string): Promise<{ code: number | null; stderr: string }> {
  const root = join(__dirname, '..', '..');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/cases.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** `npm run demo` as a user runs it (node with the swc register hook, from the repository root). */
function runDemo(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const root = join(__dirname, '..', '..');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/demo.ts'], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
