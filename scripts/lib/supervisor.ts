import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ServiceSpec } from './services';

const ROOT = join(__dirname, '..', '..');

export interface SupervisedService {
  spec: ServiceSpec;
  port: number;
  child?: ChildProcess;
  restarts: number;
}

export interface SupervisorOptions {
  services: readonly ServiceSpec[];
  /** Environment for every service (DATABASE_URL, NATS_URL, ...); ports are added per service. */
  env: NodeJS.ProcessEnv;
  ports?: Partial<Record<string, number>>;
  /** Restart a service that exits unexpectedly (npm start: yes; fault tests decide themselves). */
  restartOnExit?: boolean;
  /** Where service output goes: inherit for npm start, a callback for tests. */
  output?: 'inherit' | ((service: string, line: string) => void);
  onExit?(service: string, code: number | null, signal: NodeJS.Signals | null): void;
}

/** Runs each service as its own process, the way production runs them. */
export class Supervisor {
  readonly services = new Map<string, SupervisedService>();
  private stopping = false;

  constructor(private readonly options: SupervisorOptions) {
    for (const spec of options.services) {
      const port =
        options.ports?.[spec.name] ??
        Number(options.env[spec.portVariable] ?? process.env[spec.portVariable] ?? spec.defaultPort);
      this.services.set(spec.name, { spec, port, restarts: 0 });
    }
  }

  url(service: string, path = ''): string {
    return `http://127.0.0.1:${this.get(service).port}${path}`;
  }

  async startAll(readyTimeoutMs = 60_000): Promise<void> {
    for (const name of this.services.keys()) this.start(name);
    await Promise.all([...this.services.keys()].map((name) => this.waitReady(name, readyTimeoutMs)));
  }

  start(name: string): void {
    const service = this.get(name);
    const env = { ...process.env, ...this.options.env, [service.spec.portVariable]: String(service.port) };
    const output = this.options.output ?? 'inherit';
    const child = spawn(process.execPath, ['-r', '@swc-node/register', service.spec.main], {
      cwd: ROOT,
      env,
      stdio: output === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    if (typeof output === 'function') {
      for (const stream of [child.stdout, child.stderr]) {
        let buffered = '';
        stream?.on('data', (chunk: Buffer) => {
          buffered += chunk.toString('utf8');
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const line of lines) if (line) output(name, line);
        });
      }
    }
    child.once('exit', (code, signal) => {
      if (service.child === child) service.child = undefined;
      this.options.onExit?.(name, code, signal);
      if (!this.stopping && this.options.restartOnExit) {
        service.restarts++;
        const delay = Math.min(500 * 2 ** Math.min(service.restarts, 5), 15_000);
        setTimeout(() => !this.stopping && !service.child && this.start(name), delay).unref();
      }
    });
    service.child = child;
  }

  /** kill -9: no shutdown hook runs, as in a crash. */
  kill(name: string): void {
    this.get(name).child?.kill('SIGKILL');
  }

  async waitReady(name: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const url = this.url(name, '/health/ready');
    for (;;) {
      const service = this.get(name);
      if (!service.child && !this.options.restartOnExit)
        throw new Error(`${name} exited before it was ready`);
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${name} was not ready at ${url} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stopAll(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.services.values()].map(async (service) => {
        const child = service.child;
        if (!child || child.exitCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private get(name: string): SupervisedService {
    const service = this.services.get(name);
    if (!service) throw new Error(`unknown service ${name}`);
    return service;
  }
}
