import type { BackWagesComputed, InvestigationEvent } from '@lse/contracts';
import { given, isoDate } from '@lse/domain';
import { investigationDecider as decider, type InvestigationCommand } from '.';
import { COMPUTATION, OTHER, base, computed, employerAdded, hoursRecorded, opened } from '../test/fixtures';
import { FIGURE_BYTES_PER_EVENT, figureEvents } from './figures';

const computation = computed.data;
const [workerA, workerB] = computation.workers;

/** `count` consecutive workweeks from 1990 on, each with the same figures. */
function weeks(count: number, overtime: number) {
  const first = Date.UTC(1990, 0, 7);
  return Array.from({ length: count }, (_, i) => ({
    ...workerA.weeks[0],
    weekStart: isoDate(new Date(first + i * 7 * 86_400_000).toISOString().slice(0, 10)),
    overtimeCents: overtime,
  }));
}

/** Two workers of about 560 kB of figures each: more than one event can carry. */
const large: BackWagesComputed = {
  ...computation,
  workers: [
    { ...workerA, weeks: weeks(3000, 5000) },
    { ...workerB, weeks: weeks(3000, 0) },
  ],
};
const bytes = (e: InvestigationEvent) => Buffer.byteLength(JSON.stringify(e.data));

describe('BackWagesComputed too large for one event', () => {
  const compute = (c: BackWagesComputed): InvestigationCommand => ({
    ...base(),
    type: 'ComputeBackWages',
    computation: c,
  });
  const { workers: _all, ...header } = large;
  const split: InvestigationEvent[] = [
    { type: 'BackWagesComputed', data: { ...header, workers: [large.workers[0]], figureEvents: 2 } },
    {
      type: 'BackWageFiguresContinued',
      data: { computationId: COMPUTATION, part: 2, workers: [large.workers[1]] },
    },
  ];

  it('records the first workers with the computation and the rest in a continuation, each event under the limit', () => {
    given(decider, [opened, employerAdded, hoursRecorded]).when(compute(large)).then(split);
    expect(bytes(split[0]) + bytes(split[1])).toBeGreaterThan(FIGURE_BYTES_PER_EVENT);
    for (const e of split) expect(bytes(e)).toBeLessThan(FIGURE_BYTES_PER_EVENT + 10_000);
  });

  it('a computation that fits is one event that announces no continuation', () =>
    given(decider, [opened, employerAdded, hoursRecorded])
      .when(compute({ ...computation, figureEvents: 3 }))
      .then([computed]));

  it('replayed, the continuation gives back every worker of the computation', () => {
    const state = [opened, employerAdded, hoursRecorded, ...split].reduce(
      decider.evolve,
      decider.initialState,
    );
    if (state.status !== 'open') throw new Error('expected an open investigation');
    expect(state.investigation.computations[COMPUTATION]).toEqual({ ...large, figureEvents: 2 });
    expect(state.investigation.latestComputationId).toBe(COMPUTATION);
  });

  it('a continuation the computation did not announce, or of an unknown computation, changes nothing', () => {
    const before = [opened, employerAdded, hoursRecorded, computed].reduce(
      decider.evolve,
      decider.initialState,
    );
    const stray: InvestigationEvent = split[1];
    expect(decider.evolve(before, stray)).toEqual(before);
    const unknown: InvestigationEvent = {
      type: 'BackWageFiguresContinued',
      data: { computationId: OTHER, part: 2, workers: [workerA] },
    };
    expect(decider.evolve(before, unknown)).toEqual(before);
  });
});

describe('figureEvents', () => {
  const many: BackWagesComputed = {
    ...computation,
    workers: Array.from({ length: 7 }, (_, i) => ({ ...workerA, workerId: `worker-${i}` })),
  };
  const size = Buffer.byteLength(JSON.stringify(many.workers[0])) + 1;

  it('fills each event up to the budget, keeps the order and numbers the parts', () => {
    const events = figureEvents(many, 3 * size);
    expect(events.map((e) => e.type)).toEqual([
      'BackWagesComputed',
      'BackWageFiguresContinued',
      'BackWageFiguresContinued',
    ]);
    const workers = events.flatMap((e) => e.data.workers.map((w) => w.workerId));
    expect(workers).toEqual(many.workers.map((w) => w.workerId));
    expect(events.map((e) => e.data.workers.length)).toEqual([3, 3, 1]);
    expect(events[0].data).toMatchObject({ figureEvents: 3 });
    expect(events.slice(1).map((e) => (e.data as { part: number }).part)).toEqual([2, 3]);
  });

  it('gives a worker larger than the budget an event of its own', () => {
    const events = figureEvents(many, size - 1);
    expect(events.map((e) => e.data.workers.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('records a computation without workers as one event', () =>
    expect(figureEvents({ ...computation, workers: [] })).toEqual([
      { type: 'BackWagesComputed', data: { ...computation, workers: [] } },
    ]));
});
