import type { Pool } from 'pg';

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface IdempotencyRequest {
  subject: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
}

export type BeginOutcome =
  | { kind: 'started' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' }
  | { kind: 'in_progress' };

export const KEY_TTL_HOURS = 24;
/** An in-progress claim older than this is taken to be from a gateway that died mid-request. */
export const ABANDONED_AFTER_SECONDS = 60;

/** The gateway_idempotency table: claim a key, then complete or release it. */
export class IdempotencyStore {
  constructor(private readonly pool: Pool) {}

  /**
   * Claims the key for this request, or says why not. The claim is one INSERT .. ON CONFLICT,
   * so two concurrent requests can never both start; an expired or abandoned row is reclaimed.
   */
  async begin(req: IdempotencyRequest): Promise<BeginOutcome> {
    const claimed = await this.pool.query(
      `INSERT INTO gateway_idempotency (subject, key, method, path, request_hash, state)
       VALUES ($1, $2, $3, $4, $5, 'in_progress')
       ON CONFLICT (subject, key) DO UPDATE
         SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
             state = 'in_progress', status = NULL, headers = NULL, body = NULL,
             created_at = now(), completed_at = NULL
         WHERE gateway_idempotency.created_at < now() - make_interval(hours => $6)
            OR (gateway_idempotency.state = 'in_progress'
                AND gateway_idempotency.created_at < now() - make_interval(secs => $7))
       RETURNING 1`,
      [req.subject, req.key, req.method, req.path, req.requestHash, KEY_TTL_HOURS, ABANDONED_AFTER_SECONDS],
    );
    if (claimed.rowCount === 1) return { kind: 'started' };
    const found = await this.pool.query<{
      method: string;
      path: string;
      request_hash: string;
      state: string;
      status: number | null;
      headers: Record<string, string> | null;
      body: unknown;
    }>(
      'SELECT method, path, request_hash, state, status, headers, body FROM gateway_idempotency WHERE subject = $1 AND key = $2',
      [req.subject, req.key],
    );
    const row = found.rows[0];
    // Released between our INSERT and SELECT: the caller simply tries again.
    if (!row) return { kind: 'in_progress' };
    if (row.method !== req.method || row.path !== req.path || row.request_hash !== req.requestHash)
      return { kind: 'mismatch' };
    if (row.state !== 'completed') return { kind: 'in_progress' };
    return {
      kind: 'replay',
      response: { status: row.status ?? 200, headers: row.headers ?? {}, body: row.body },
    };
  }

  async complete(subject: string, key: string, response: StoredResponse): Promise<void> {
    await this.pool.query(
      `UPDATE gateway_idempotency SET state = 'completed', status = $3, headers = $4, body = $5, completed_at = now()
       WHERE subject = $1 AND key = $2`,
      [
        subject,
        key,
        response.status,
        JSON.stringify(response.headers),
        JSON.stringify(response.body ?? null),
      ],
    );
  }

  /**
   * A failed request frees its key so a retry runs. After a timeout the service may have acted;
   * the key is forwarded to it (ServiceRequest.idempotencyKey) so it can de-duplicate the retry.
   */
  async release(subject: string, key: string): Promise<void> {
    await this.pool.query(
      `DELETE FROM gateway_idempotency WHERE subject = $1 AND key = $2 AND state = 'in_progress'`,
      [subject, key],
    );
  }

  /** Deletes keys past their 24 hours; returns how many. */
  async purgeExpired(): Promise<number> {
    const result = await this.pool.query(
      'DELETE FROM gateway_idempotency WHERE created_at < now() - make_interval(hours => $1)',
      [KEY_TTL_HOURS],
    );
    return result.rowCount ?? 0;
  }
}
