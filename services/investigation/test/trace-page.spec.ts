import type { BackWagesComputed } from '@lse/contracts';
import { DomainError } from '@lse/service-kit';
import type { BackWageTrace } from '../src/back-wages/compute';
import { tracePage } from '../src/back-wages/trace-page';

/** Workers with 0, 3, 7 and 1 workweeks; each week's trace padded to about `pad` bytes. */
function aTrace(pad = 10): { trace: BackWageTrace; computed: BackWagesComputed } {
  const counts = [0, 3, 7, 1];
  const workers = counts.map((n, w) => ({
    workerId: `0000000${w}-0000-4000-8000-000000000000`,
    weeks: Array.from({ length: n }, (_, k) => ({
      weekStart: `2025-01-${String(k + 1).padStart(2, '0')}`,
      ruleSetId: 'US-FLSA',
      ruleSetVersion: '2009-07-24',
      regularRate: '10',
      hoursWorked: 40 + k,
      trace: [{ note: 'x'.repeat(pad) }],
    })),
    excluded: [{ weekStart: `2019-0${w + 1}-01`, accrued: '2019-01-08', reason: 'outside_limitations' }],
  }));
  const amounts = {
    minimumWageCents: 0,
    overtimeCents: 5,
    unpaidWagesCents: 5,
    liquidatedDamagesCents: 5,
    totalCents: 10,
  };
  const trace: BackWageTrace = {
    computationId: 'aaaaaaaa-0000-4000-8000-000000000002',
    rounding: 'half up',
    ruleSets: [{ id: 'US-FLSA', version: '2009-07-24' }],
    workers,
  };
  const computed = {
    computationId: trace.computationId,
    workers: workers.map((w) => ({ workerId: w.workerId, ...amounts, weeks: [] })),
    totals: amounts,
  } as unknown as BackWagesComputed;
  return { trace, computed };
}

/** Every page from the start, with the given limit and byte budget. */
function allPages(limit: number, maxBytes?: number, pad?: number) {
  const { trace, computed } = aTrace(pad);
  const pages = [];
  let page = tracePage(trace, computed, undefined, limit, maxBytes);
  pages.push(page);
  while (page.next) {
    page = tracePage(trace, computed, page.next, limit, maxBytes);
    pages.push(page);
    if (pages.length > 100) throw new Error('paging does not end');
  }
  return { trace, pages };
}

/** The pages joined back: each worker's weeks and excluded weeks, in order. */
function joined(pages: ReturnType<typeof allPages>['pages']) {
  const out = new Map<string, { weeks: unknown[]; excluded: unknown[] }>();
  for (const p of pages)
    for (const w of p.workers) {
      const seen = out.get(w.workerId) ?? { weeks: [], excluded: [] };
      seen.weeks.push(...w.weeks);
      seen.excluded.push(...w.excluded);
      out.set(w.workerId, seen);
    }
  return [...out].map(([workerId, w]) => ({ workerId, ...w }));
}

describe('a back-wage trace, page by page', () => {
  it.each([1, 2, 3, 5, 11, 200])(
    'with %i workweeks per page, the pages join back into the whole trace',
    (limit) => {
      const { trace, pages } = allPages(limit);
      expect(joined(pages)).toEqual(
        trace.workers.map(({ workerId, weeks, excluded }) => ({ workerId, weeks, excluded })),
      );
      for (const p of pages)
        expect(p.workers.reduce((n, w) => n + w.weeks.length, 0)).toBeLessThanOrEqual(limit);
      expect(pages.at(-1)!.next).toBeNull();
      expect(pages.slice(0, -1).every((p) => p.next !== null)).toBe(true);
    },
  );

  it('a worker continued on the next page keeps its figures; its excluded weeks come once', () => {
    const { pages } = allPages(2);
    const third = '00000002-0000-4000-8000-000000000000';
    const parts = pages.flatMap((p) => p.workers.filter((w) => w.workerId === third));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((w) => w.figures?.totalCents === 10)).toBe(true);
    expect(parts.flatMap((w) => w.excluded)).toHaveLength(1);
  });

  it('stops a page at the byte budget, never at an empty page', () => {
    const budget = 5_000;
    const { trace, pages } = allPages(200, budget, 1_500);
    expect(pages.length).toBeGreaterThan(3);
    for (const p of pages) {
      expect(p.workers.length).toBeGreaterThan(0);
      // Over the budget by at most one workweek.
      expect(Buffer.byteLength(JSON.stringify(p.workers))).toBeLessThan(budget + 2_000);
    }
    // Weeks and excluded weeks each once, whichever budget ended a page.
    expect(joined(pages)).toEqual(
      trace.workers.map(({ workerId, weeks, excluded }) => ({ workerId, weeks, excluded })),
    );
  });

  it('refuses a position outside the trace', () => {
    const { trace, computed } = aTrace();
    expect(() => tracePage(trace, computed, { worker: 9, week: 0 }, 10)).toThrow(DomainError);
    expect(() => tracePage(trace, computed, { worker: 1, week: 4 }, 10)).toThrow(DomainError);
    expect(tracePage(trace, computed, { worker: 4, week: 0 }, 10)).toMatchObject({ workers: [], next: null });
  });
});
