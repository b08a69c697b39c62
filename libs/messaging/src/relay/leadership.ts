import { createHash } from 'node:crypto';
import { Client } from 'pg';

// Two-int advisory lock key space: [relays, hash of the relay name]. The event store's
// per-stream locks use the single-bigint space, which never overlaps this one.
const RELAY_LOCK_SPACE = 0x4c52;

export function lockKey(name: string): [number, number] {
  return [RELAY_LOCK_SPACE, createHash('sha256').update(name).digest().readInt32BE(0)];
}

/**
 * Leadership of one relay among replicas: a session advisory lock held on a dedicated
 * connection. When the leader dies its connection closes, PostgreSQL releases the lock, and a
 * standby's next attempt takes over.
 */
export class Leadership {
  private client?: Client;
  private lost = false;

  constructor(
    private readonly connectionString: string,
    private readonly name: string,
  ) {}

  get held(): boolean {
    return this.client !== undefined && !this.lost;
  }

  /** One attempt; true when this process is now the leader. */
  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    await this.release();
    const client = new Client({ connectionString: this.connectionString, application_name: `relay:${this.name}` });
    client.on('error', () => (this.lost = true));
    client.on('end', () => (this.lost = true));
    await client.connect();
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', lockKey(this.name));
    if (!rows[0].ok) {
      await client.end();
      return false;
    }
    this.client = client;
    this.lost = false;
    return true;
  }

  /** The leader's connection: checkpoint writes go through it, so a lost lock stops them too. */
  connection(): Client {
    if (!this.client || this.lost) throw new Error(`relay ${this.name} is not the leader`);
    return this.client;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => undefined);
  }
}
