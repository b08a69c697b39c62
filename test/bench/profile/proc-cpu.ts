/**
 * CPU seconds by role from /proc (Linux only): the service processes, their PostgreSQL backends
 * (matched through the client's TCP port), the nats-server, the driver. CPU per unit of work is
 * far less sensitive than latency to what else runs on a shared machine.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { Pool } from 'pg';

/** user + system CPU seconds of a process (all its threads), undefined once it is gone. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Local TCP ports of the sockets a process holds open. */
function localPorts(pid: number): Set<number> {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(m[1]);
      } catch {
        /* closed meanwhile */
      }
    }
  } catch {
    return new Set();
  }
  const ports = new Set<number>();
  for (const table of [`/proc/${pid}/net/tcp`, `/proc/${pid}/net/tcp6`]) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && inodes.has(cols[9])) ports.add(parseInt(cols[1].split(':')[1], 16));
    }
  }
  return ports;
}

/** The pid of the process started with these arguments (e.g. a private nats-server's port). */
export function findPid(pattern: RegExp): number | undefined {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (pattern.test(readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' '))) return Number(d);
    } catch {
      /* gone */
    }
  }
  return undefined;
}

/** Roles -> pids, re-resolved at each sample: pools open and close backends. */
export interface CpuRoles {
  /** Processes by role, e.g. { intake: 123, investigation: 456, 'nats-server': 789, driver: process.pid }. */
  processes: Record<string, number | undefined>;
  /** Backends of this database are attributed to the process whose socket they serve. */
  pool: Pool;
  database: string;
}

/** CPU seconds so far by pid, with the role each pid plays. */
type CpuSample = Map<number, { role: string; cpu: number }>;

async function sampleCpu(roles: CpuRoles): Promise<CpuSample> {
  const { rows } = await roles.pool.query<{ pid: number; port: number | null }>(
    `SELECT pid, client_port AS port FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [roles.database],
  );
  const owners = new Map<number, string>();
  const out: CpuSample = new Map();
  const add = (pid: number, role: string) => {
    const cpu = cpuSeconds(pid);
    if (cpu !== undefined) out.set(pid, { role, cpu });
  };
  for (const [role, pid] of Object.entries(roles.processes)) {
    if (pid === undefined) continue;
    for (const port of localPorts(pid)) owners.set(port, role);
    add(pid, role);
  }
  for (const r of rows) add(r.pid, `postgres:${(r.port !== null && owners.get(r.port)) || 'other'}`);
  return out;
}

/**
 * CPU over a window: `start()` before, `stop(units)` after, giving ms of CPU per unit by role.
 * A backend that appeared inside the window counts from zero; one that ended inside it is missed.
 */
export function cpuWindow(roles: CpuRoles) {
  let before: CpuSample = new Map();
  return {
    async start(): Promise<void> {
      before = await sampleCpu(roles);
    },
    async stop(units: number): Promise<{ perUnit: Map<string, number>; text: string }> {
      const after = await sampleCpu(roles);
      const perUnit = new Map<string, number>();
      for (const [pid, a] of after) {
        const used = a.cpu - (before.get(pid)?.cpu ?? 0);
        perUnit.set(a.role, (perUnit.get(a.role) ?? 0) + (used * 1000) / units);
      }
      const total = [...perUnit.values()].reduce((a, b) => a + b, 0);
      const text = [...perUnit]
        .sort((a, b) => b[1] - a[1])
        .map(([role, ms]) => `${role} ${ms.toFixed(2)}`)
        .join(', ');
      return { perUnit, text: `${text}; total ${total.toFixed(2)} ms` };
    },
  };
}
