import { check, type CheckReport } from './checker';
import { crashNats, crashService, holdAppend, redeliver, restartPostgres, rng } from './faults';
import { LoadGenerator } from './load';
import { startFaultSystem, type FaultSystem } from './system';
import type { ServiceSpec } from '../../scripts/lib/services';

export interface CampaignOptions {
  /** Kill cycles: one kill -9 (a service, nats-server) or immediate restart (PostgreSQL) each. */
  cycles: number;
  seed?: number;
  /** Cases driven at once by the load. */
  concurrency?: number;
  /** Every n-th load worker refers cases as a partner (3 by default; 0: hotline only). */
  referralEvery?: number;
  /** A redelivery injection after every this many cycles (0: none). */
  redeliverEvery?: number;
  /** An append transaction held open after every this many cycles (0: none). */
  holdEvery?: number;
  holdMs?: number;
  /** Longest random wait before a kill. */
  maxKillDelayMs?: number;
  /** One nats-server outage this long (ms) in the middle of the run, longer than a client's reconnect budget. */
  longNatsOutageMs?: number;
  giveUpAfterMs?: number;
  /** After the faults, how long commands still in flight may keep retrying. */
  stopGraceMs?: number;
  convergeMs?: number;
  services?: readonly ServiceSpec[];
  /** What gets killed, by name (services, 'nats', 'postgres'); every one of them by default. */
  targets?: readonly string[];
  log?(line: string): void;
  /** Ends the fault cycles early (Ctrl-C): the load stops and the checker still runs. */
  signal?: AbortSignal;
}

export interface CampaignReport {
  /** Commands refused (final 4xx) or abandoned, by step and last status, e.g. "rejected triage 409". */
  refusals: Record<string, number>;
  cycles: number;
  byTarget: Record<string, number>;
  redeliveries: number;
  redeliveredMessages: number;
  heldAppends: number;
  unexpectedExits: string[];
  durationMs: number;
  loadMs: number;
  check: CheckReport;
  /** Everything that is wrong; empty when the run proved what it should. */
  problems: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the system, puts steady load through the gateway, injects the faults cycle by cycle
 * (one process at a time, the load never pausing), then stops the load and runs the checker.
 */
export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const log = options.log ?? (() => undefined);
  const random = rng(options.seed ?? Date.now());
  const started = Date.now();
  const sys = await startFaultSystem({ services: options.services });
  log(
    `system up in ${Date.now() - started} ms (${sys.postgres ? 'private PostgreSQL' : 'shared PostgreSQL: no restarts'})`,
  );
  try {
    return await campaign(sys, options, random, log, started);
  } finally {
    await sys.stop();
  }
}

async function campaign(
  sys: FaultSystem,
  options: CampaignOptions,
  random: () => number,
  log: (line: string) => void,
  started: number,
): Promise<CampaignReport> {
  const load = new LoadGenerator({
    gatewayUrl: sys.gatewayUrl,
    concurrency: options.concurrency ?? 4,
    giveUpAfterMs: options.giveUpAfterMs ?? 90_000,
    pauseMs: 20,
    referralEvery: options.referralEvery ?? 3,
  });
  const all = [...sys.services.map((s) => s.name), 'nats', ...(sys.postgres ? ['postgres'] : [])];
  const targets = options.targets ? all.filter((t) => options.targets?.includes(t)) : all;
  const byTarget: Record<string, number> = Object.fromEntries(targets.map((t) => [t, 0]));
  let cycles = 0;
  let redeliveries = 0;
  let redeliveredMessages = 0;
  let heldAppends = 0;
  const injected: Parameters<typeof check>[0]['commands'][number][] = [];
  const loadStarted = Date.now();
  await load.start();
  await sleep(500);
  let round: string[] = [];
  let longOutageDone = !options.longNatsOutageMs;
  while (cycles < options.cycles && !options.signal?.aborted) {
    // Each round kills every target once, in a random order.
    if (round.length === 0) round = shuffle(targets, random);
    const target = round.pop() as string;
    const delay = Math.floor(random() * (options.maxKillDelayMs ?? 1_000));
    if (target === 'nats') {
      if (!longOutageDone && cycles >= options.cycles / 2) {
        longOutageDone = true;
        log(`cycle ${cycles}: nats-server down for ${options.longNatsOutageMs} ms`);
        await crashNats(sys, options.longNatsOutageMs as number);
      } else {
        await sleep(delay);
        await crashNats(sys, Math.floor(random() * 1_500));
      }
    } else if (target === 'postgres') {
      await sleep(delay);
      await restartPostgres(sys);
    } else if (random() < 0.2) {
      // Killed again while it starts up (connecting, migrating, binding): two kills.
      await sleep(delay);
      await sys.crash(target, { waitReady: false });
      byTarget[target]++;
      cycles++;
      await sleep(Math.floor(random() * 1_500));
      await sys.crash(target);
    } else {
      await crashService(sys, target, delay);
    }
    byTarget[target]++;
    cycles++;
    await recoverStrays(sys, log);
    if (options.redeliverEvery && cycles % options.redeliverEvery === 0) {
      redeliveredMessages += await redeliver(sys, 1 + Math.floor(random() * 20)).catch((err: Error) => {
        log(`redelivery skipped: ${err.message}`);
        return 0;
      });
      redeliveries++;
    }
    if (options.holdEvery && cycles % options.holdEvery === 0) {
      const held = await holdAppend(sys, options.holdMs ?? 2_000, heldAppends).catch((err: Error) => {
        log(`held append failed: ${err.message}`);
        return undefined;
      });
      if (held) {
        injected.push(held);
        heldAppends++;
      }
    }
    if (cycles % 10 === 0 || cycles === options.cycles)
      log(
        `cycle ${cycles}/${options.cycles}: ${load.acked} commands acknowledged, ${Math.round((Date.now() - loadStarted) / 1000)} s`,
      );
  }
  // A last redelivery of everything recent after the faults, so it lands on a quiet system too.
  if (options.redeliverEvery) {
    redeliveredMessages += await redeliver(sys, 50);
    redeliveries++;
  }
  await sleep(1_000);
  await load.stop(options.stopGraceMs);
  const loadMs = Date.now() - loadStarted;
  log(`load stopped: ${load.commands.length} commands, ${load.acked} acknowledged; checking`);
  const report = await check({
    databaseUrl: sys.databaseUrl,
    natsUrl: sys.nats.url,
    services: sys.services.map((s) => s.name),
    commands: [...load.commands, ...injected],
    convergeMs: options.convergeMs ?? 60_000,
  });
  const problems = [...report.problems, ...sys.unexpectedExits.map((e) => `unexpected exit: ${e}`)];
  if (report.commands.acked === 0) problems.push('no command was acknowledged: the load never ran');
  const refusals: Record<string, number> = {};
  for (const c of load.commands.filter((x) => x.outcome === 'rejected' || x.outcome === 'abandoned')) {
    const k = `${c.outcome} ${c.step} ${c.lastStatus}`;
    refusals[k] = (refusals[k] ?? 0) + 1;
  }
  return {
    refusals,
    cycles,
    byTarget,
    redeliveries,
    redeliveredMessages,
    heldAppends,
    unexpectedExits: sys.unexpectedExits,
    durationMs: Date.now() - started,
    loadMs,
    check: report,
    problems,
  };
}

/** A service that died by itself is a finding (kept in unexpectedExits); start it so the run goes on. */
async function recoverStrays(sys: FaultSystem, log: (line: string) => void): Promise<void> {
  for (const [name, service] of sys.supervisor.services) {
    if (service.child) continue;
    log(`${name} is down without being killed; starting it`);
    await sys.crash(name);
  }
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const refusals = (r: CampaignReport) => r.refusals;

/** The counts the issue asks for, one line each. */
export function summary(r: CampaignReport): string {
  const c = r.check;
  return [
    `cycles: ${r.cycles} (${Object.entries(r.byTarget)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')})`,
    `injections: ${r.redeliveries} redeliveries (${r.redeliveredMessages} messages), ${r.heldAppends} held-open appends`,
    `commands: ${c.commands.total} sent, ${c.commands.acked} acknowledged, ${c.commands.retried} retried, ` +
      `${c.commands.rejected} refused, ${c.commands.abandoned} abandoned by the client`,
    ...(c.commands.rejected + c.commands.abandoned
      ? [
          `not acknowledged: ${Object.entries(refusals(r))
            .map(([k, n]) => `${k} x${n}`)
            .join(', ')}`,
        ]
      : []),
    `lost: ${c.lost.length}`,
    `duplicated: ${c.duplicated.length}`,
    `handoffs: ${c.handoffs.causes} causes, ${c.handoffs.missing.length} missing, ${c.handoffs.duplicated.length} duplicated`,
    `projections: ${c.checkpoints.filter((x) => x.converged).length}/${c.checkpoints.length} checkpoints at the store head; ` +
      c.rowCounts.map((x) => `${x.table} ${x.actual}/${x.expected}`).join(', '),
    `events: ${c.events}, hash chains ${c.chains.ok ? 'intact' : 'BROKEN'}; dead letters: ${c.deadLetters}`,
    `time: ${Math.round(r.durationMs / 1000)} s in all, ${Math.round(r.loadMs / 1000)} s under load`,
    r.problems.length
      ? `PROBLEMS:\n  ${r.problems.join('\n  ')}`
      : 'OK: no acknowledged command lost or duplicated, every handoff once, every projection converged',
  ].join('\n');
}
