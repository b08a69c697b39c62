import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INVESTIGATION_PATTERNS as P, investigationStreamId } from '@lse/contracts';
import { reactionEventId } from '@lse/domain';
import { OPEN_ON_CASE_OPENED } from '../src/reactions/case-opened.reaction';
import type { CommandResult } from '../src/commands/command-result';
import {
  eventually,
  INVESTIGATOR,
  InvestigationClient,
  OTHER_SUPERVISOR,
  publishedOn,
  startInvestigation,
  SUPERVISOR,
  type RunningInvestigation,
} from './harness';

/*
 * Two workers, one FLSA workweek each (wage-rules.md worked examples 1 and 2), by hand:
 * Ana: $10.00/h for all 50 hours, straight time -> overtime 10 h x $5.00 = $50.00; damages $50.00.
 * Ben: a flat $300.00 for 60 hours -> regular rate $5.00, below $7.25: minimum wage
 *      60 x $7.25 - $300.00 = $135.00, overtime on the minimum wage 20 x $3.625 = $72.50;
 *      back wages $207.50, damages $207.50.
 */
const HAND = {
  ana: { unpaid: 50_00, damages: 50_00 },
  ben: { unpaid: 135_00 + 72_50, damages: 207_50 },
};

const CSV = [
  'worker_ref,worker_name,week_start,d1,d2,d3,d4,d5,d6,d7,hourly_rate,paid_hours,salary',
  'E1,Ana Planted-Worker,2025-03-02,10,10,10,10,10,0,0,10.00,50,',
  'E2,Ben Planted-Worker,2025-03-02,10,10,10,10,10,10,0,,,300.00',
].join('\n');

describe('investigation service over NATS', () => {
  let svc: RunningInvestigation;
  let client: InvestigationClient;

  beforeAll(async () => {
    svc = await startInvestigation();
    client = new InvestigationClient(svc.nats.url, svc.prefix);
  });
  afterAll(async () => {
    await client.close();
    await svc.close();
  });

  const stream = (caseId: string) => svc.store.readStream(investigationStreamId(caseId));
  const opened = async (caseNumber: string) => {
    const { caseId, cause } = await svc.openCase(caseNumber);
    const events = await eventually(
      () => stream(caseId),
      (e) => e.length === 1,
    );
    expect(events.map((e) => e.type)).toEqual(['InvestigationOpened']);
    return { caseId, cause, events };
  };
  const cmd = (caseId: string, input: unknown, expectedVersion?: number) => ({
    caseId,
    input,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
  });

  it('opens an investigation for CaseOpened with the reaction id; a redelivery changes nothing', async () => {
    const { caseId, cause, events } = await opened('LSE-2026-000101');
    expect(events[0]).toMatchObject({
      eventId: reactionEventId(cause.eventId, OPEN_ON_CASE_OPENED),
      data: { caseId, caseNumber: 'LSE-2026-000101', priority: 'P2', office: 'SF-01' },
      metadata: { caseId, causationId: cause.eventId, correlationId: cause.metadata.correlationId },
    });
    // The same CaseOpened again (a different message id, so JetStream does not de-duplicate it).
    const handled = svc.runtime.consumer!.handledCount;
    await svc.publish(cause, `${cause.eventId}-again`);
    await eventually(
      async () => svc.runtime.consumer!.handledCount,
      (n) => n > handled,
    );
    expect(await stream(caseId)).toHaveLength(1);
    const list = await eventually(
      () =>
        client.ok<{ items: Array<{ caseId: string; status: string }> }>(P.listInvestigations, {
          filters: {},
          limit: 50,
        }),
      (r) => r.items.some((i) => i.caseId === caseId),
    );
    expect(list.items.find((i) => i.caseId === caseId)).toMatchObject({
      status: 'open',
      investigatorId: null,
    });
  });

  it('runs an investigation to an issued determination; the refusals write nothing', async () => {
    const { caseId } = await opened('LSE-2026-000102');

    // Only a supervisor assigns.
    const refused = await client.send(
      P.assign,
      cmd(caseId, { investigatorId: INVESTIGATOR.id }),
      INVESTIGATOR,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'forbidden', details: { reason: 'supervisor_only' } },
    });
    await client.ok(P.assign, cmd(caseId, { investigatorId: INVESTIGATOR.id }, 1), SUPERVISOR);
    const employer = await client.ok<CommandResult>(
      P.addEmployer,
      cmd(caseId, {
        name: 'Golden Gate Car Wash LLC',
        fein: '94-1234567',
        role: 'direct',
        basis: 'Pays the washers.',
      }),
    );

    // A malformed CSV: every bad cell named by row and column, nothing written.
    const bad = await client.send(
      P.recordHoursAndWages,
      cmd(caseId, {
        format: 'csv',
        source: 'employer_payroll',
        csv: CSV.replace('10,10,10,10,10,0,0,10.00', '10,10,ten,10,10,0,0,10.005'),
      }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'unprocessable' } });
    expect((bad as { error: { details: { errors: unknown[] } } }).error.details.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'd3' }),
      expect.objectContaining({ row: 2, field: 'hourly_rate' }),
    ]);
    expect(await stream(caseId)).toHaveLength(3);

    const hours = await client.ok<CommandResult>(
      P.recordHoursAndWages,
      cmd(caseId, { format: 'csv', source: 'employer_payroll', employerId: employer.id, csv: CSV }, 3),
    );
    expect(hours).toMatchObject({ version: 4, events: ['HoursAndWagesRecorded'] });

    const computed = await client.ok<CommandResult>(
      P.computeBackWages,
      cmd(caseId, { ruleSetIds: ['US-FLSA'] }),
    );
    const figures = computed.result as {
      ruleSets: Array<{ id: string; version: string }>;
      workers: Array<{
        workerId: string;
        unpaidWagesCents: number;
        liquidatedDamagesCents: number;
        totalCents: number;
      }>;
      totals: { unpaidWagesCents: number; totalCents: number };
    };
    expect(figures.ruleSets).toEqual([{ id: 'US-FLSA', version: '2009-07-24' }]);
    const byAmount = [...figures.workers].sort((a, b) => a.unpaidWagesCents - b.unpaidWagesCents);
    expect(byAmount.map((w) => [w.unpaidWagesCents, w.liquidatedDamagesCents])).toEqual([
      [HAND.ana.unpaid, HAND.ana.damages],
      [HAND.ben.unpaid, HAND.ben.damages],
    ]);
    expect(figures.totals.unpaidWagesCents).toBe(HAND.ana.unpaid + HAND.ben.unpaid);

    // The trace is recomputed from the recorded hours and the same rule-set version, and checked.
    const trace = await client.ok<{
      verified: boolean;
      workers: Array<{ weeks: Array<{ trace: Array<{ ruleId: string; formula: string }> }> }>;
    }>(P.getBackWageTrace, { caseId, computationId: computed.id });
    expect(trace.verified).toBe(true);
    const steps = trace.workers.flatMap((w) => w.weeks.flatMap((wk) => wk.trace));
    expect(steps.some((s) => s.ruleId.startsWith('FLSA.overtime'))).toBe(true);
    expect(steps.every((s) => s.formula.length > 0)).toBe(true);

    await client.ok(
      P.findViolation,
      cmd(caseId, {
        type: 'overtime',
        statute: 'FLSA 7(a)',
        employerIds: [employer.id],
        periodStart: '2025-03-02',
        periodEnd: '2025-03-08',
        workersAffected: 2,
        willful: false,
        basis: 'Straight time over 40 hours.',
      }),
    );
    const proposal = await client.ok<CommandResult>(
      P.proposeDetermination,
      cmd(caseId, { summary: 'Overtime and minimum wage owed.' }),
    );
    const before = (await stream(caseId)).length;

    // The investigator cannot approve their own determination, not even with a supervisor token.
    for (const actor of [INVESTIGATOR, { id: INVESTIGATOR.id, role: 'supervisor' }]) {
      const self = await client.send(
        P.approveDetermination,
        cmd(caseId, { determinationId: proposal.id }),
        actor,
      );
      expect(self).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await stream(caseId)).toHaveLength(before);

    await client.ok(P.approveDetermination, cmd(caseId, { determinationId: proposal.id }), OTHER_SUPERVISOR);
    const issued = await client.ok<CommandResult>(
      P.issueDetermination,
      cmd(caseId, { determinationId: proposal.id }),
      SUPERVISOR,
    );
    expect(issued.result).toMatchObject({
      caseId,
      caseNumber: 'LSE-2026-000102',
      determinationId: proposal.id,
      proposedBy: INVESTIGATOR.id,
      approvedBy: OTHER_SUPERVISOR.id,
      liableEmployers: [
        { employerId: employer.id, name: 'Golden Gate Car Wash LLC', role: 'direct', fein: '94-1234567' },
      ],
      totals: { totalCents: 2 * (HAND.ana.unpaid + HAND.ben.unpaid), civilPenaltiesCents: 0 },
    });
    expect((issued.result as { workers: Array<{ name: string }> }).workers.map((w) => w.name).sort()).toEqual(
      ['Ana Planted-Worker', 'Ben Planted-Worker'],
    );

    // Handoff: the relay publishes DeterminationIssued on JetStream for collections.
    const published = await eventually(
      () => publishedOn(svc.nc, 'events.investigation.DeterminationIssued'),
      (events) => events.some((e) => e.metadata.caseId === caseId),
    );
    expect(published.find((e) => e.metadata.caseId === caseId)?.data).toMatchObject({
      determinationId: proposal.id,
    });

    // Read models: workload, findings, the list.
    const findings = await eventually(
      () =>
        client.ok<{ items: Array<{ kind: string; label: string; amountCents: number | null }> }>(P.findings, {
          caseId,
        }),
      (r) => r.items.some((f) => f.kind === 'determination' && f.label === 'issued'),
    );
    expect(findings.items.map((f) => f.kind).sort()).toEqual(['back_wages', 'determination', 'violation']);
    expect(findings.items.find((f) => f.kind === 'determination')?.amountCents).toBe(
      2 * (HAND.ana.unpaid + HAND.ben.unpaid),
    );
    const workload = await client.ok<{
      items: Array<{ investigatorId: string; openInvestigations: number }>;
    }>(P.workload, { limit: 10 });
    expect(workload.items).toContainEqual(
      expect.objectContaining({ investigatorId: INVESTIGATOR.id, openInvestigations: 1 }),
    );

    await client.ok(P.close, cmd(caseId, { reason: 'determination_issued' }), SUPERVISOR);
    const after = await client.send(
      P.addEmployer,
      cmd(caseId, { name: 'Late LLC', role: 'joint', basis: 'x' }),
    );
    expect(after).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });

  it('attaches evidence: the server computes SHA-256 and keeps the bytes in the content-addressed store', async () => {
    const { caseId } = await opened('LSE-2026-000103');
    const bytes = Buffer.from('%PDF-1.4 pay stub for week of 2025-03-02\n');
    const attached = await client.ok<CommandResult>(
      P.attachEvidence,
      cmd(caseId, {
        contentBase64: bytes.toString('base64'),
        mediaType: 'application/pdf',
        fileName: 'stub.pdf',
      }),
      INVESTIGATOR,
    );
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(attached.result).toMatchObject({
      sha256: sha,
      sizeBytes: bytes.length,
      storageRef: `sha256:${sha}`,
    });
    // Sealed under the case's key (docs/erasure.md#evidence-files): one file per case key, no bytes in clear.
    const dir = join(svc.evidenceDir, 'sealed', sha.slice(0, 2), sha.slice(2, 4), sha);
    expect(existsSync(dir)).toBe(true);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(readFileSync(join(dir, files[0])).includes(Buffer.from('pay stub'))).toBe(false);
    const back = await client.ok<{ contentBase64: string }>(P.getEvidence, {
      caseId,
      evidenceId: attached.id,
    });
    expect(Buffer.from(back.contentBase64, 'base64').equals(bytes)).toBe(true);
  });

  it('answers the case file with interviews, retaliation concerns and letters, never who said what', async () => {
    const { caseId } = await opened('LSE-2026-000105');
    await client.ok(P.assign, cmd(caseId, { investigatorId: INVESTIGATOR.id }), SUPERVISOR);
    const worker = 'c0ffee00-0000-4000-8000-000000000001';
    const interview = await client.ok<CommandResult>(
      P.recordInterview,
      cmd(caseId, {
        interviewee: {
          role: 'worker',
          workerId: worker,
          name: 'Planted Interviewee',
          phone: '+14155550199',
          confidentialSource: true,
        },
        interviewedOn: '2026-01-20',
        language: 'es',
        interpreterUsed: true,
        traumaInformedProtocol: false,
        summary: 'PLANTED SUMMARY',
        notes: 'PLANTED NOTES',
      }),
    );
    const concern = await client.ok<CommandResult>(
      P.flagRetaliation,
      cmd(caseId, {
        workerIds: [worker],
        kind: 'threat',
        reportedOn: '2026-01-22',
        description: 'PLANTED DESCRIPTION',
      }),
    );
    const letter = await client.ok<CommandResult>(
      P.requestImmigrationLetter,
      cmd(caseId, {
        workerId: worker,
        program: 'u_visa',
        requestedBy: 'Planted Legal Aid',
        requestedOn: '2026-01-25',
      }),
    );
    const view = await client.ok<Record<string, unknown>>(P.getInvestigation, { caseId });
    expect(view).toMatchObject({
      version: 5,
      investigatorId: INVESTIGATOR.id,
      interviewIds: [interview.id],
      interviews: [
        {
          interviewId: interview.id,
          interviewedOn: '2026-01-20',
          role: 'worker',
          workerId: worker,
          language: 'es',
          interpreterUsed: true,
          traumaInformedProtocol: false,
          confidentialSource: true,
        },
      ],
      retaliationConcernIds: [concern.id],
      retaliationConcerns: [
        { concernId: concern.id, workerIds: [worker], kind: 'threat', reportedOn: '2026-01-22' },
      ],
      letters: [
        {
          letterId: letter.id,
          workerId: worker,
          program: 'u_visa',
          requestedOn: '2026-01-25',
          issued: false,
          issuedOn: null,
          evidenceId: null,
        },
      ],
    });
    expect(JSON.stringify(view)).not.toMatch(/PLANTED|Planted|14155550199/);

    await client.ok(
      P.issueImmigrationLetter,
      cmd(caseId, { letterId: letter.id, issuedOn: '2026-02-01' }),
      SUPERVISOR,
    );
    const after = await client.ok<{ letters: unknown[] }>(P.getInvestigation, { caseId });
    expect(after.letters).toEqual([
      {
        letterId: letter.id,
        workerId: worker,
        program: 'u_visa',
        requestedOn: '2026-01-25',
        issued: true,
        issuedOn: '2026-02-01',
        evidenceId: null,
      },
    ]);
    // The list says what to do next: the investigator has hours to record.
    const list = await eventually(
      () =>
        client.ok<{ items: Array<{ caseId: string; nextStep: string; version: number }> }>(
          P.listInvestigations,
          {
            filters: { determinationStatus: 'none' },
            limit: 50,
          },
        ),
      (r) => r.items.some((i) => i.caseId === caseId && i.version === 6),
    );
    expect(list.items.find((i) => i.caseId === caseId)?.nextStep).toBe('record_hours');
  });

  it('a retry with the same Idempotency-Key is answered from the first result and writes nothing', async () => {
    const { caseId } = await opened('LSE-2026-000104');
    const input = cmd(caseId, { investigatorId: INVESTIGATOR.id });
    const first = await client.send<CommandResult>(P.assign, input, SUPERVISOR, 'key-1');
    const again = await client.send<CommandResult>(P.assign, input, SUPERVISOR, 'key-1');
    expect(first).toMatchObject({ ok: true, value: { version: 2, replayed: false } });
    expect(again).toMatchObject({ ok: true, value: { version: 2, replayed: true } });
    expect(await stream(caseId)).toHaveLength(2);
  });
});
