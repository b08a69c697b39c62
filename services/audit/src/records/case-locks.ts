import { Pool } from 'pg';

/**
 * Serializes, per case, what places a legal hold and what erases under the hold check
 * (docs/architecture.md#erasing-a-person, "The rules"). An erasure checks every case of the
 * person's key for holds, records PersonErased and destroys the key: three steps over several
 * streams and the keyring, none of which a hold placed in between would conflict with. So both
 * take a PostgreSQL advisory lock on each case they touch, and the erasure holds them from the
 * hold check until the key is destroyed: a hold placed first refuses the erasure; one placed
 * meanwhile waits and is recorded after the key is gone.
 *
 * Why a lock and not the records stream's version (appending to each case's records stream at the
 * version checked): the erasure is recorded on its own stream and the key is destroyed outside
 * the store, so a version check would need an extra event on every case's records stream per
 * erasure and still leave the destruction after the last check. The lock covers the destruction.
 *
 * Session locks on a connection of their own pool (not the store's): a placement waiting on a lock
 * holds one of these connections, never one the erasure needs to finish. Cases are locked in
 * sorted order, so two erasures sharing cases cannot deadlock. Locks are database-wide (every
 * audit replica and the CLI share them); the key is a 64-bit hash of the case id, so a collision
 * only serializes two unrelated cases. A connection lost mid-way drops its locks with it.
 */
export class CaseLocks {
  private readonly pool: Pool;

  constructor(connectionString: string, max = 4) {
    this.pool = new Pool({ connectionString, max, application_name: 'lse-audit-case-locks' });
  }

  /** Runs `work` holding the lock of every case named (each once, in sorted order). */
  async withCases<T>(caseIds: readonly string[], work: () => Promise<T>): Promise<T> {
    const ids = [...new Set(caseIds)].sort();
    if (ids.length === 0) return work();
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // An error on a checked-out connection would otherwise be uncaught; it is destroyed on release.
    const onError = (err: Error) => (broken = err);
    client.on('error', onError);
    try {
      for (const id of ids)
        await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [lockName(id)]);
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock_all()').catch((err: Error) => (broken = err));
      client.release(broken ?? false);
      client.removeListener('error', onError);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

const lockName = (caseId: string) => `lse.legal-hold:${caseId}`;
