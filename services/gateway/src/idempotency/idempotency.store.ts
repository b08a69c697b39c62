import type { Pool } from 'pg';
import { Batcher } from './batcher';

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

type FoundRow = {
  subject: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  state: string;
  status: number | null;
  headers: Record<string, string> | null;
  body: unknown;
};

interface Completion {
  subject: string;
  key: string;
  response: StoredResponse;
}

/**
 * The gateway_idempotency table: claim a key, then complete or release it.
 *
 * Claims and completions that arrive together are written together: one INSERT .. ON CONFLICT
 * for many claims, one UPDATE for many completions (see Batcher). Each row is still decided on
 * its own by the statement, so batching changes the cost, not the outcome. The two statements
 * every command runs are named (prepared once per connection): PostgreSQL does not parse and
 * plan them again for each batch.
 */
export class IdempotencyStore {
  private readonly claims = new Batcher<IdempotencyRequest, BeginOutcome>((reqs) => this.beginMany(reqs));
  private readonly completions = new Batcher<Completion, void>((done) => this.completeMany(done));

  constructor(private readonly pool: Pool) {}

  /**
   * Claims the key for this request, or says why not. The claim is an INSERT .. ON CONFLICT,
   * so two concurrent requests can never both start; an expired or abandoned row is reclaimed.
   */
  begin(req: IdempotencyRequest): Promise<BeginOutcome> {
    return this.claims.submit(req);
  }

  complete(subject: string, key: string, response: StoredResponse): Promise<void> {
    return this.completions.submit({ subject, key, response });
  }

  /** Resolves once no claim or completion is waiting to be written (before the pool closes). */
  async drained(): Promise<void> {
    await Promise.all([this.claims.drained(), this.completions.drained()]);
  }

  private async beginMany(reqs: IdempotencyRequest[]): Promise<BeginOutcome[]> {
    // One statement cannot claim a row twice: a repeated key in the batch waits like any
    // concurrent request with that key (it finds the first one's claim in progress).
    const ids = reqs.map((r) => JSON.stringify([r.subject, r.key]));
    const firsts = reqs.filter((_, i) => ids.indexOf(ids[i]) === i);
    const claimed = await this.pool.query<{ subject: string; key: string }>({
      name: 'gateway_idempotency_claim',
      text: `INSERT INTO gateway_idempotency (subject, key, method, path, request_hash, state)
       SELECT r.subject, r.key, r.method, r.path, r.request_hash, 'in_progress'
         FROM jsonb_to_recordset($1::jsonb) AS r(subject text, key text, method text, path text, request_hash text)
       ON CONFLICT (subject, key) DO UPDATE
         SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
             state = 'in_progress', status = NULL, headers = NULL, body = NULL,
             created_at = now(), completed_at = NULL
         WHERE gateway_idempotency.created_at < now() - make_interval(hours => $2)
            OR (gateway_idempotency.state = 'in_progress'
                AND gateway_idempotency.created_at < now() - make_interval(secs => $3))
       RETURNING subject, key`,
      values: [
        JSON.stringify(
          firsts.map((r) => ({
            subject: r.subject,
            key: r.key,
            method: r.method,
            path: r.path,
            request_hash: r.requestHash,
          })),
        ),
        KEY_TTL_HOURS,
        ABANDONED_AFTER_SECONDS,
      ],
    });
    const started = new Set(claimed.rows.map((r) => JSON.stringify([r.subject, r.key])));
    const startedOnce = new Set<string>();
    const outcomes: Array<BeginOutcome | undefined> = ids.map((id) => {
      if (!started.has(id) || startedOnce.has(id)) return undefined;
      startedOnce.add(id);
      return { kind: 'started' };
    });
    const others = reqs.filter((_, i) => outcomes[i] === undefined);
    if (others.length === 0) return outcomes as BeginOutcome[];
    const found = await this.pool.query<FoundRow>(
      `SELECT g.subject, g.key, g.method, g.path, g.request_hash, g.state, g.status, g.headers, g.body
         FROM gateway_idempotency g
         JOIN unnest($1::text[], $2::text[]) AS k(subject, key) ON g.subject = k.subject AND g.key = k.key`,
      [others.map((r) => r.subject), others.map((r) => r.key)],
    );
    const rows = new Map(found.rows.map((r) => [JSON.stringify([r.subject, r.key]), r]));
    return reqs.map((req, i) => outcomes[i] ?? outcomeOf(req, rows.get(ids[i])));
  }

  private async completeMany(done: Completion[]): Promise<void[]> {
    await this.pool.query({
      name: 'gateway_idempotency_complete',
      text: `UPDATE gateway_idempotency g
          SET state = 'completed', status = r.status, headers = r.headers, body = r.body, completed_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS r(subject text, key text, status integer, headers jsonb, body jsonb)
        WHERE g.subject = r.subject AND g.key = r.key`,
      values: [
        JSON.stringify(
          done.map((d) => ({
            subject: d.subject,
            key: d.key,
            status: d.response.status,
            headers: d.response.headers,
            body: d.response.body ?? null,
          })),
        ),
      ],
    });
    return done.map(() => undefined);
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

/** What a request finds in the row someone else holds (or held) for its key. */
function outcomeOf(req: IdempotencyRequest, row: FoundRow | undefined): BeginOutcome {
  // Released between the INSERT and the SELECT: the caller simply tries again.
  if (!row) return { kind: 'in_progress' };
  if (row.method !== req.method || row.path !== req.path || row.request_hash !== req.requestHash)
    return { kind: 'mismatch' };
  if (row.state !== 'completed') return { kind: 'in_progress' };
  return {
    kind: 'replay',
    response: { status: row.status ?? 200, headers: row.headers ?? {}, body: row.body },
  };
}
