import { IntervalTask } from '../src/runtime/interval-task';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('IntervalTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs at start when asked, then at each interval, skipping those that find it still running', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const task = new IntervalTask({
      everyMs: 10,
      runNow: true,
      run: async () => {
        runs++;
        most = Math.max(most, ++running);
        await sleep(25);
        running--;
      },
      onError: () => undefined,
    });
    task.start();
    expect(runs).toBe(1);
    // Runs at 0 (until 25), 30 (until 55) and 60; the intervals at 10, 20, 40 and 50 are skipped.
    await jest.advanceTimersByTimeAsync(65);
    expect(runs).toBe(3);
    expect(most).toBe(1);
    const stopped = task.stop();
    await jest.advanceTimersByTimeAsync(25);
    await stopped;
  });

  it('stops once the run under way has finished, and runs no more', async () => {
    let finished = 0;
    let runs = 0;
    const task = new IntervalTask({
      everyMs: 10,
      run: async () => {
        runs++;
        await sleep(30);
        finished++;
      },
      onError: () => undefined,
    });
    task.start();
    await jest.advanceTimersByTimeAsync(15);
    expect(runs).toBe(1);
    let done = false;
    const stopped = task.stop().then(() => (done = true));
    await jest.advanceTimersByTimeAsync(20);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(10);
    await stopped;
    expect(finished).toBe(1);
    await jest.advanceTimersByTimeAsync(100);
    expect(runs).toBe(1);
  });

  it('hands each failure to onError and runs again at the next interval', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const task = new IntervalTask({
      everyMs: 10,
      run: () => {
        runs++;
        return Promise.reject(new Error('down'));
      },
      onError: (err) => errors.push(err),
    });
    task.start();
    await jest.advanceTimersByTimeAsync(35);
    await task.stop();
    expect(runs).toBe(3);
    expect(errors).toHaveLength(3);
  });
});
