/**
 * The short fault run inside `npm test`: under load through the gateway, kill -9 two services
 * (chosen by the seed), kill -9 nats-server, restart PostgreSQL in immediate mode, redeliver
 * messages already handled and hold an append transaction open; then the checker must find no
 * acknowledged command lost or duplicated, every handoff once and every projection converged.
 * `npm run test:fault` is the long run (1,000 kill cycles).
 */
import { SERVICES } from '../../scripts/lib/services';
import { runCampaign, summary } from './campaign';
import { rng } from './faults';

jest.setTimeout(180_000);

describe('faults under load (short run)', () => {
  it('loses and duplicates nothing acknowledged, hands off once, converges', async () => {
    const seed = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000);
    const random = rng(seed);
    const names = SERVICES.map((s) => s.name);
    const picked = [0, 1].map(() => names.splice(Math.floor(random() * names.length), 1)[0]);
    const lines: string[] = [];
    const report = await runCampaign({
      seed,
      cycles: 4,
      targets: [...picked, 'nats', 'postgres'],
      concurrency: 3,
      redeliverEvery: 2,
      holdEvery: 3,
      holdMs: 1_000,
      maxKillDelayMs: 500,
      giveUpAfterMs: 30_000,
      stopGraceMs: 5_000,
      convergeMs: 30_000,
      log: (line) => lines.push(line),
    });
    const text = `seed ${seed}\n${lines.join('\n')}\n${summary(report)}`;
    if (report.problems.length) throw new Error(text);
    process.stdout.write(`${text}\n`);
    expect(report.check.commands.acked).toBeGreaterThan(0);
    expect(report.check.lost).toEqual([]);
    expect(report.check.duplicated).toEqual([]);
    expect(report.check.handoffs.causes).toBeGreaterThan(0);
    expect(report.check.handoffs.missing).toEqual([]);
    // Every kill went to one of the chosen targets (PostgreSQL only when a private cluster runs).
    expect(Object.keys(report.byTarget).every((t) => [...picked, 'nats', 'postgres'].includes(t))).toBe(true);
    expect(report.cycles).toBe(Object.values(report.byTarget).reduce((a, b) => a + b, 0));
  });
});
