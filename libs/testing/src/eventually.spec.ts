import { eventually } from './eventually';

describe('eventually', () => {
  it('returns the first value that holds, probing again until then', async () => {
    let probes = 0;
    const value = await eventually(
      async () => ++probes,
      (n) => n >= 3,
      { intervalMs: 1 },
    );
    expect(value).toBe(3);
    expect(probes).toBe(3);
  });

  it('without `what`, returns the last value at the deadline for the caller to assert on', async () => {
    expect(
      await eventually(
        async () => 'late',
        (v) => v === 'done',
        { timeoutMs: 20, intervalMs: 5 },
      ),
    ).toBe('late');
    expect(
      await eventually(
        async () => 7,
        (v) => v > 7,
        10,
      ),
    ).toBe(7);
  });

  it('with `what`, throws at the deadline, naming it and the details', async () => {
    await expect(
      eventually(
        async () => ({ seen: 2 }),
        (v) => v.seen >= 6,
        {
          timeoutMs: 20,
          intervalMs: 5,
          what: 'the agreements',
        },
      ),
    ).rejects.toThrow('waiting for the agreements: {"seen":2}');
    await expect(
      eventually(
        async () => 2,
        (v) => v >= 6,
        {
          timeoutMs: 20,
          intervalMs: 5,
          what: 'the agreements',
          details: (seen) => `${seen} of 6 read`,
        },
      ),
    ).rejects.toThrow('waiting for the agreements: 2 of 6 read');
  });
});
