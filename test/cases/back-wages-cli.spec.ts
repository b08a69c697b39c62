/**
 * `npm run cases -- rule-sets` and `back-wages rerun` (issue 17 item 6), spawned as an operator
 * runs them, against an event store holding an investigation with a computation under FLSA
 * 2009-07-24 and a newer FLSA version published on the catalog stream.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import {
  BackWagesComputed,
  HoursAndWagesRecorded,
  InvestigationOpened,
  investigationStreamId,
  RuleSetVersionPublished,
  WAGE_RULES_STREAM,
} from '@lse/contracts';
import { PostgresEventStore } from '@lse/event-store';
import { auditHarness, type AuditHarness } from '@lse/audit/test/harness';
import { computeForInvestigation } from '@lse/investigation/src/back-wages/compute';
import { FLSA_RULE_SET } from '@lse/wage-rules';

jest.setTimeout(60_000);
const ROOT = resolve(__dirname, '../..');

describe('npm run cases -- rule-sets | back-wages rerun', () => {
  let h: AuditHarness;
  const caseId = randomUUID();
  const workerId = randomUUID();
  const computationId = randomUUID();

  beforeAll(async () => {
    h = await auditHarness();
    const store = new PostgresEventStore({
      pool: h.events.pool,
      schema: h.events.schema,
      service: 'investigation',
    });
    const metadata = {
      caseId,
      actor: { id: 'ivan@agency.gov', role: 'investigator' as const },
      correlationId: randomUUID(),
      sourceService: 'investigation',
      occurredAt: '2026-06-01T09:00:00Z',
    };
    const recordSet: HoursAndWagesRecorded = {
      recordSetId: randomUUID(),
      source: 'employer_payroll',
      workers: [{ workerId, name: 'Ana Planted-Worker' }],
      records: [
        {
          workerId,
          weekStart: '2025-03-02' as never,
          hours: [0, 10, 10, 10, 10, 10, 0],
          pay: [{ kind: 'hourly', rateCents: 1000, hours: 50 }],
        },
      ],
    };
    const { event } = computeForInvestigation({
      computationId,
      ruleSets: [FLSA_RULE_SET],
      filingDate: '2025-06-30' as never,
      willful: false,
      recordSets: [recordSet],
    });
    await store.append(
      investigationStreamId(caseId),
      [
        InvestigationOpened.create({
          eventId: randomUUID(),
          data: {
            caseId,
            caseNumber: 'LSE-2026-000123',
            priority: 'P2',
            office: 'SF-01',
            openedAt: '2026-06-01T09:00:00Z',
          },
          metadata,
        }),
        HoursAndWagesRecorded.create({ eventId: randomUUID(), data: recordSet, metadata }),
        BackWagesComputed.create({ eventId: randomUUID(), data: event, metadata }),
      ],
      'no_stream',
    );
    const newer = {
      ...FLSA_RULE_SET,
      version: '2026-12-01-test',
      minimumWage: {
        ...FLSA_RULE_SET.minimumWage,
        table: [...FLSA_RULE_SET.minimumWage.table, { from: '2025-01-01', centsPerHour: 1200 }],
      },
    };
    await store.append(
      WAGE_RULES_STREAM,
      [
        RuleSetVersionPublished.create({
          eventId: randomUUID(),
          data: {
            ruleSetId: 'US-FLSA',
            version: newer.version,
            effectiveFrom: '2020-01-01',
            publishedBy: 'sue@agency.gov',
            publishedAt: '2026-06-02T09:00:00Z',
            reason: 'Test: a raised minimum wage.',
            ruleSet: newer,
          },
          metadata: {
            ...metadata,
            caseId: undefined,
            actor: { id: 'sue@agency.gov', role: 'supervisor' as const },
          },
        }),
      ],
      'no_stream',
    );
  });
  afterAll(() => h.cleanup());

  const cases = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        ['-r', '@swc-node/register', 'scripts/cases.ts', ...args],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            DATABASE_URL: h.events.url,
            EVENT_STORE_SCHEMA: h.events.schema,
            AUDIT_SCHEMA: h.audit.schema,
          },
        },
        (err, stdout, stderr) =>
          done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('lists every rule-set version with its effective date, publisher and reason', async () => {
    const listed = await cases('rule-sets');
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^US-CA\t2026-01-01\tfrom 2026-01-01\tby engine/),
      expect.stringMatching(/^US-FLSA\t2009-07-24\tfrom 2009-07-24\tby engine/),
      'US-FLSA\t2026-12-01-test\tfrom 2020-01-01\tby sue@agency.gov at 2026-06-02T09:00:00Z\tTest: a raised minimum wage.',
    ]);
  });

  it('re-runs a computation under the newer version: per-worker, per-week differences', async () => {
    const out = await cases('back-wages', 'rerun', caseId, computationId, '--as', 'ig-1');
    expect(out).toMatchObject({ code: 0, stderr: '' });
    // $10 x 50 h: $50.00 overtime (+$50.00 damages) under $7.25; under $12.00: $100.00 minimum
    // wage + $60.00 overtime, damages equal: $320.00.
    expect(out.stdout.trim().split('\n')).toEqual([
      `computation ${computationId}: US-FLSA@2009-07-24 -> US-FLSA@2026-12-01-test`,
      'total $100.00 -> $320.00 ($220.00)',
      `worker ${workerId}\ttotal $100.00 -> $320.00 ($220.00)`,
      '  week 2025-03-02\tback wages $50.00 -> $160.00\tdamages $50.00 -> $160.00\tUS-FLSA -> US-FLSA',
      '1 worker(s) changed, 0 unchanged',
    ]);
    // Under the version it recorded, nothing changes.
    const same = await cases(
      'back-wages',
      'rerun',
      caseId,
      computationId,
      '--rule-sets',
      'US-FLSA@2009-07-24',
    );
    expect(same.stdout).toContain('0 worker(s) changed, 1 unchanged');
    // An unknown version is a clear error.
    const unknown = await cases('back-wages', 'rerun', caseId, computationId, '--rule-sets', 'US-FLSA@1999');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^cases: no rule set US-FLSA version 1999/);
  });
});
