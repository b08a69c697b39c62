import { masterKeyFromEnvironment } from '@lse/crypto-shred';
import type { Pool } from 'pg';
import { Batcher } from './batcher';
import { resourceIdsOf } from './resource-ids';
import { ResponseKeys, type SealedBody } from './response-keys';

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
  body_key: string | null;
  sealed_body: Buffer | null;
};

interface Completion {
  subject: string;
  key: string;
  response: StoredResponse;
  resourceIds: string[];
}

/** A completion as written: its body sealed. */
type SealedCompletion = Omit<Completion, 'response'> & {
  response: Omit<StoredResponse, 'body'>;
  sealed: SealedBody;
};

/** What the batcher writes: a claim or a completion, in one statement per batch. */
type Write = { claim: IdempotencyRequest } | { completion: Completion };
/** Per write: a claim's outcome, nothing for a completion, or why it failed. */
type Written = BeginOutcome | undefined | { failed: unknown };

const idOf = (subject: string, key: string) => JSON.stringify([subject, key]);
const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));
/** PostgreSQL refused the values (SQLSTATE class 22 data exception, 54 limit exceeded), not the connection. */
const refusedData = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|54)/.test(code);
};

/**
 * The gateway_idempotency table: claim a key, then complete or release it.
 *
 * Claims and completions that arrive together are written together (see Batcher), in one
 * statement and one transaction: an UPDATE for the completions and an INSERT .. ON CONFLICT for
 * the claims. Below saturation a batch holds a request or two, so claims and completions each in
 * their own transaction cost two commits per command; together, one. Each row is still decided
 * on its own by the statement, so batching changes the cost, not the outcome. The statement is
 * named (prepared once per connection): PostgreSQL does not parse it for every batch.
 *
 * The completions find their rows through the primary key by the `= ANY` lists: joined only on
 * jsonb_to_recordset, which the planner takes for 100 rows whatever it holds, the UPDATE was a
 * hash join over a sequential scan of the whole table, and a plan kept from when the table was
 * small kept doing that as it grew (command throughput fell run after run in the bench). The
 * pool plans each execution afresh (planEachExecution) so the plan follows the table's size.
 */
export class IdempotencyStore {
  private readonly writes = new Batcher<Write, Written>((batch) => this.writeMany(batch));

  /**
   * @param claimant this gateway process's name for its claims (`<host>:<port>`): stable across
   * a restart, so the restarted process can free what its crashed predecessor held.
   */
  constructor(
    private readonly pool: Pool,
    private readonly claimant: string | null = null,
    /** Seal the stored bodies (no response is stored in clear): by default under the master key. */
    readonly keys: ResponseKeys = new ResponseKeys(pool, masterKeyFromEnvironment()),
  ) {}

  /**
   * Claims the key for this request, or says why not. The claim is an INSERT .. ON CONFLICT,
   * so two concurrent requests can never both start; an expired or abandoned row is reclaimed.
   */
  async begin(req: IdempotencyRequest): Promise<BeginOutcome> {
    const written = await this.writes.submit({ claim: req });
    if (!written) throw new Error('claim not decided');
    if ('failed' in written) throw asError(written.failed);
    return written;
  }

  /** Stores the response, its body sealed (ResponseKeys); `path` is the request's. */
  async complete(subject: string, key: string, response: StoredResponse, path = ''): Promise<void> {
    const resourceIds = resourceIdsOf(path, response.headers);
    const written = await this.writes.submit({ completion: { subject, key, response, resourceIds } });
    if (written && 'failed' in written) throw asError(written.failed);
  }

  /** Resolves once no claim or completion is waiting to be written (before the pool closes). */
  drained(): Promise<void> {
    return this.writes.drained();
  }

  private async writeMany(batch: Write[]): Promise<Written[]> {
    const claims = batch.flatMap((w) => ('claim' in w ? [w.claim] : []));
    // Sealed here, in the batch, so a completion still goes with the claims of its tick.
    const completions = await Promise.all(
      batch.flatMap((w) => ('completion' in w ? [this.sealed(w.completion)] : [])),
    );
    let outcomes: BeginOutcome[];
    let completed: Written[] = completions.map(() => undefined);
    try {
      outcomes = await this.beginMany(claims, completions);
    } catch (err) {
      if (completions.length === 0 || !refusedData(err)) throw err;
      // A completion PostgreSQL refuses (a body it cannot store as jsonb, say) must fail
      // neither the claims nor the other completions it shared a statement with.
      outcomes = claims.length > 0 ? await this.beginMany(claims, []) : [];
      completed = await Promise.all(
        completions.map((done) =>
          this.beginMany([], [done]).then(
            () => undefined,
            (e: unknown) => ({ failed: e }),
          ),
        ),
      );
    }
    let claim = 0;
    let completion = 0;
    return batch.map((w) => ('claim' in w ? outcomes[claim++] : completed[completion++]));
  }

  private async sealed({ response, ...rest }: Completion): Promise<SealedCompletion> {
    const { body, ...kept } = response;
    return { ...rest, response: kept, sealed: await this.keys.seal(body, idOf(rest.subject, rest.key)) };
  }

  private async beginMany(reqs: IdempotencyRequest[], done: SealedCompletion[]): Promise<BeginOutcome[]> {
    const ids = reqs.map((r) => idOf(r.subject, r.key));
    // One statement cannot write a row twice: a key repeated in the batch, or being completed
    // in it, waits like any concurrent request with that key (it finds the claim in progress).
    const completing = new Set(done.map((d) => idOf(d.subject, d.key)));
    const firsts = reqs.filter((_, i) => ids.indexOf(ids[i]) === i && !completing.has(ids[i]));
    const claimed = await this.pool.query<{ subject: string; key: string }>({
      name: 'gateway_idempotency_write',
      text: `WITH completed AS (
         UPDATE gateway_idempotency g
            SET state = 'completed', status = r.status, headers = r.headers, body_key = r.body_key,
                sealed_body = decode(r.sealed_body, 'base64'), resource_ids = r.resource_ids, completed_at = now()
           FROM jsonb_to_recordset($1::jsonb)
             AS r(subject text, key text, status integer, headers jsonb, body_key uuid, sealed_body text, resource_ids uuid[])
          WHERE g.subject = r.subject AND g.key = r.key
            AND g.subject = ANY($6::text[]) AND g.key = ANY($7::text[])
       )
       INSERT INTO gateway_idempotency (subject, key, method, path, request_hash, state, claimed_by)
       SELECT r.subject, r.key, r.method, r.path, r.request_hash, 'in_progress', $5
         FROM jsonb_to_recordset($2::jsonb) AS r(subject text, key text, method text, path text, request_hash text)
       ON CONFLICT (subject, key) DO UPDATE
         SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
             state = 'in_progress', status = NULL, headers = NULL, body_key = NULL, sealed_body = NULL,
             resource_ids = NULL,
             created_at = now(), completed_at = NULL, claimed_by = EXCLUDED.claimed_by
         WHERE gateway_idempotency.created_at < now() - make_interval(hours => $3)
            OR (gateway_idempotency.state = 'in_progress'
                AND gateway_idempotency.created_at < now() - make_interval(secs => $4))
       RETURNING subject, key`,
      values: [
        JSON.stringify(
          done.map((d) => ({
            subject: d.subject,
            key: d.key,
            status: d.response.status,
            headers: d.response.headers,
            body_key: d.sealed.keyId,
            sealed_body: d.sealed.bytes.toString('base64'),
            resource_ids: d.resourceIds,
          })),
        ),
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
        this.claimant,
        done.map((d) => d.subject),
        done.map((d) => d.key),
      ],
    });
    const started = new Set(claimed.rows.map((r) => idOf(r.subject, r.key)));
    const startedOnce = new Set<string>();
    const outcomes: Array<BeginOutcome | undefined> = ids.map((id) => {
      if (!started.has(id) || startedOnce.has(id)) return undefined;
      startedOnce.add(id);
      return { kind: 'started' };
    });
    const others = reqs.filter((_, i) => outcomes[i] === undefined);
    if (others.length === 0) return outcomes as BeginOutcome[];
    const found = await this.pool.query<FoundRow>(
      `SELECT g.subject, g.key, g.method, g.path, g.request_hash, g.state, g.status, g.headers, g.body_key, g.sealed_body
         FROM gateway_idempotency g
         JOIN unnest($1::text[], $2::text[]) AS k(subject, key) ON g.subject = k.subject AND g.key = k.key`,
      [others.map((r) => r.subject), others.map((r) => r.key)],
    );
    const rows = new Map(found.rows.map((r) => [idOf(r.subject, r.key), r]));
    return Promise.all(reqs.map(async (req, i) => outcomes[i] ?? this.outcomeOf(req, rows.get(ids[i]))));
  }

  /** What a request finds in the row someone else holds (or held) for its key. */
  private async outcomeOf(req: IdempotencyRequest, row: FoundRow | undefined): Promise<BeginOutcome> {
    // Released between the INSERT and the SELECT: the caller simply tries again.
    if (!row) return { kind: 'in_progress' };
    if (row.method !== req.method || row.path !== req.path || row.request_hash !== req.requestHash)
      return { kind: 'mismatch' };
    if (row.state !== 'completed') return { kind: 'in_progress' };
    const body =
      row.body_key && row.sealed_body
        ? await this.keys.open({ keyId: row.body_key, bytes: row.sealed_body }, idOf(req.subject, req.key))
        : null;
    return { kind: 'replay', response: { status: row.status ?? 200, headers: row.headers ?? {}, body } };
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

  /**
   * Frees the claims a previous run of this gateway process left in progress (it crashed or was
   * killed mid-request), so their retries run now rather than after ABANDONED_AFTER_SECONDS.
   * Call before serving: every claim under this name is then a predecessor's. Safe for the same
   * reason as the abandonment rule: the key was forwarded to the service, which de-duplicates.
   */
  async releaseOwnClaims(): Promise<number> {
    if (this.claimant === null) return 0;
    const result = await this.pool.query(
      `DELETE FROM gateway_idempotency WHERE state = 'in_progress' AND claimed_by = $1`,
      [this.claimant],
    );
    return result.rowCount ?? 0;
  }

  /**
   * Deletes the stored responses of requests that named one of these ids (a case, a complaint)
   * in their path or Location, so the erase command can drop what they said of a person at once
   * rather than when they expire. A retry of one of them reaches the service again, which
   * recognises it by its event ids (command-ids.ts). Returns how many were deleted.
   */
  async forgetResources(ids: readonly string[]): Promise<number> {
    const result = await this.pool.query(
      `DELETE FROM gateway_idempotency WHERE state = 'completed' AND resource_ids && $1::uuid[]`,
      [ids.map((id) => id.toLowerCase())],
    );
    return result.rowCount ?? 0;
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
