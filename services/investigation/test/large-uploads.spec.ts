/**
 * The largest uploads the contracts allow (5,000 workweek records): a record set too large to be
 * one event is refused before anything is written (the relay could never publish it), and the
 * trace of a 5,000-workweek computation is answered page by page, each reply well under NATS's
 * 1 MiB.
 */
import { INVESTIGATION_PATTERNS as P, MAX_WORKWEEK_RECORDS } from '@lse/contracts';
import { MAX_EVENT_BYTES } from '@lse/event-store';
import type { CommandResult } from '../src/commands/command-result';
import {
  eventually,
  INVESTIGATOR,
  InvestigationClient,
  startInvestigation,
  SUPERVISOR,
  type RunningInvestigation,
} from './harness';

const HEADER =
  'worker_ref,worker_name,week_start,d1,d2,d3,d4,d5,d6,d7,hourly_rate,paid_hours,piece,salary,bonus';
const WEEK_MS = 7 * 86_400_000;

/** 100 workers (E<from> on) x 50 workweeks; `pay` fills the pay columns of each row. */
function payroll(pay: string, from = 0): string {
  const rows = [HEADER];
  const first = Date.UTC(2024, 0, 7);
  for (let w = from; w < from + 100; w++)
    for (let k = 0; k < MAX_WORKWEEK_RECORDS / 100; k++) {
      const week = new Date(first + k * WEEK_MS).toISOString().slice(0, 10);
      rows.push(`E${w},Worker ${w},${week},10,10,10,10,10,0,0,${pay}`);
    }
  return rows.join('\n');
}

interface TracePage {
  verified: boolean;
  workers: Array<{
    workerId: string;
    figures: { totalCents: number } | null;
    weeks: Array<{ weekStart: string }>;
    excluded: Array<{ weekStart: string }>;
  }>;
  next: unknown;
}

describe("uploads at the contracts' limits", () => {
  let svc: RunningInvestigation;
  let client: InvestigationClient;
  let caseId: string;
  let employerId: string;

  beforeAll(async () => {
    svc = await startInvestigation();
    client = new InvestigationClient(svc.nats.url, svc.prefix);
    ({ caseId } = await svc.openCase('LSE-2026-000777'));
    await eventually(
      () => svc.store.readStream(`investigation-${caseId}`),
      (e) => e.length === 1,
    );
    await client.ok(
      P.assign,
      { caseId, input: { investigatorId: INVESTIGATOR.id }, expectedVersion: 1 },
      SUPERVISOR,
    );
    employerId = (
      await client.ok<CommandResult>(P.addEmployer, {
        caseId,
        input: {
          name: 'Harbor Freight Packing LLC',
          fein: '94-7654321',
          role: 'direct',
          basis: 'Pays the packers.',
        },
      })
    ).id as string;
  }, 60_000);
  afterAll(async () => {
    await client.close();
    await svc.close();
  });

  /** Every page of a computation's trace: each workweek traced, each reply's size. */
  async function traceAll(computationId: string) {
    const weeks: string[] = [];
    const sizes: number[] = [];
    const figures = new Map<string, number>();
    let after: unknown;
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(200);
      const reply = await client.send<TracePage>(P.getBackWageTrace, {
        caseId,
        computationId,
        limit: 200,
        ...(after ? { after } : {}),
      });
      sizes.push(Buffer.byteLength(JSON.stringify(reply)));
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      expect(reply.value.verified).toBe(true);
      // Every recorded workweek is traced: owed, or excluded (outside the limitation window).
      for (const w of reply.value.workers) {
        if (w.figures) figures.set(w.workerId, w.figures.totalCents);
        for (const wk of [...w.weeks, ...w.excluded]) weeks.push(`${w.workerId} ${wk.weekStart}`);
      }
      if (!reply.value.next) return { weeks, sizes, figures };
      after = reply.value.next;
    }
  }

  const upload = (csv: string) =>
    client.send(P.recordHoursAndWages, {
      caseId,
      input: { format: 'csv', source: 'employer_payroll', employerId, csv },
    });

  it('refuses a record set that would be too large to relay as one event, writing nothing', async () => {
    const before = await svc.store.streamVersion(`investigation-${caseId}`);
    // Four pay components per workweek: about 1.3 MB as an event.
    const reply = await upload(payroll('10.00,50,12.50,100.00,25.00'));
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'event_too_large',
        details: { reason: 'event_too_large', eventType: 'HoursAndWagesRecorded', limit: MAX_EVENT_BYTES },
      },
    });
    const { bytes } = (reply as { error: { details: { bytes: number } } }).error.details;
    expect(bytes).toBeGreaterThan(MAX_EVENT_BYTES);
    expect(await svc.store.streamVersion(`investigation-${caseId}`)).toBe(before);
  }, 60_000);

  it('answers the trace of 5,000 workweeks page by page, every page under 1 MiB', async () => {
    await expect(upload(payroll('10.00,50,,,'))).resolves.toMatchObject({ ok: true });
    const computed = await client.ok<CommandResult>(P.computeBackWages, {
      caseId,
      input: { ruleSetIds: ['US-FLSA'] },
    });

    const { weeks, sizes } = await traceAll(computed.id as string);
    expect(weeks).toHaveLength(MAX_WORKWEEK_RECORDS);
    expect(new Set(weeks).size).toBe(MAX_WORKWEEK_RECORDS);
    expect(Math.max(...sizes)).toBeLessThan(1024 * 1024);
  }, 120_000);

  it('records a computation too large for one event in several, and answers it whole', async () => {
    // A second record set of other workers: the figures of 10,000 workweeks (about 1.7 MB) are
    // more than one event may carry.
    await expect(upload(payroll('10.00,50,,,', 100))).resolves.toMatchObject({ ok: true });
    const before = await svc.store.streamVersion(`investigation-${caseId}`);
    const computed = await client.ok<CommandResult>(P.computeBackWages, {
      caseId,
      input: { ruleSetIds: ['US-FLSA'] },
    });
    const recorded = (await svc.store.readStream(`investigation-${caseId}`)).slice(before);
    expect(recorded.map((e) => e.type)).toEqual([
      'BackWagesComputed',
      'BackWageFiguresContinued',
      'BackWageFiguresContinued',
    ]);
    for (const e of recorded) {
      expect(
        Buffer.byteLength(JSON.stringify(e.data)) + Buffer.byteLength(JSON.stringify(e.metadata)),
      ).toBeLessThan(MAX_EVENT_BYTES);
    }
    const stored = recorded.flatMap(
      (e) => (e.data as { workers: Array<{ workerId: string; totalCents: number }> }).workers,
    );
    expect(new Set(stored.map((w) => w.workerId)).size).toBe(200);
    const result = computed.result as {
      workerCount: number;
      workers: unknown[];
      totals: { totalCents: number };
    };
    expect(result.workerCount).toBe(200);
    expect(result.workers).toHaveLength(200);
    expect(result.totals.totalCents).toBe(stored.reduce((sum, w) => sum + w.totalCents, 0));
    expect(result.totals.totalCents).toBeGreaterThan(0);

    const { weeks, sizes, figures } = await traceAll(computed.id as string);
    expect(weeks).toHaveLength(2 * MAX_WORKWEEK_RECORDS);
    expect(new Set(weeks).size).toBe(2 * MAX_WORKWEEK_RECORDS);
    expect(Math.max(...sizes)).toBeLessThan(1024 * 1024);
    expect(new Map(stored.map((w) => [w.workerId, w.totalCents]))).toEqual(figures);
  }, 180_000);
});
