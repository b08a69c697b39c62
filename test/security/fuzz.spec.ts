/**
 * Malformed input for every operation of the committed OpenAPI document, through the gateway to
 * the real services (each its own process, real PostgreSQL and NATS): never a 5xx, every refusal
 * a problem+json with a stable type, and no event written (RecordAccessed and the checkpoint
 * that follows it excepted for reads, by name).
 *
 * FUZZ_REPORT=<file> writes every failure as JSON. FUZZ_RUNS (default 4) generated bodies per operation on top of the fixed ones; FUZZ_SEED
 * (default 1, fixed so `npm test` is reproducible) to explore further, e.g.
 *   FUZZ_RUNS=200 FUZZ_SEED=$RANDOM npx jest test/security/fuzz.spec.ts
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { Pool } from 'pg';
import { Api } from '../support/http';
import { RunningSystem, startSystem } from '../support/system';
import {
  createResources,
  EventWatch,
  LEGITIMATE_BY_READS,
  partnerOf,
  pathValues,
  Resources,
} from './fixtures';
import { fillPath, loadOperations, Operation, pathParams, queryParams } from './operations';
import { Answer, problemDefect, send, short } from './probe';
import { bodyMutations, deepJson, MalformedInput, unsafeTextInputs } from './schema-mutations';
import { dateKind, isUuid, sampleValid } from './schema-sample';

const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
/** The gateway's default BODY_LIMIT_BYTES. */
const BODY_LIMIT = 1024 * 1024;

jest.setTimeout(120_000 + RUNS * 1_500);

/*
 * Operations that take a body in another media type besides the JSON the document describes:
 * evidence as raw bytes of any non-JSON type, hours as text/csv. For them a "wrong" content type
 * is a real upload, so that mutation is not sent.
 */
const OTHER_MEDIA_TYPES = new Set(['attachEvidence', 'recordHoursAndWages']);

const OPERATIONS = loadOperations();

/** Each operation draws its own inputs from the run's seed. */
const seedFor = (op: Operation) => [...op.operationId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, SEED);

/** Malformed path parameter values: none can name a resource. */
const BAD_PATH_VALUES = [
  'not-a-uuid',
  '0b8f6c1e-3f5a-4c2e-9d7b-2a1e5f4c3b2',
  'x'.repeat(4000),
  '%00',
  '..%2F..%2Fetc',
  'ñ',
  "1'--",
];

/** Query values that break any declared schema, and values to stress free-form parameters. */
const GENERIC_QUERY_VALUES = [
  '',
  '-1',
  '1.5',
  '99999999999999999999999',
  'abc',
  'x'.repeat(3000),
  '%00',
  '2025-02-30',
  'null',
  // Sent percent-encoded (%00): no contract allows NUL, and PostgreSQL refuses it in a query.
  '\u0000',
  'Golden\u0000Gate',
];

interface Failure {
  operation: string;
  input: string;
  problem: string;
}

describe('malformed input through the gateway to every service', () => {
  let system: RunningSystem;
  let api: Api;
  let pool: Pool;
  let watch: EventWatch;
  let resources: Resources;
  const failures: Failure[] = [];
  const statuses = new Map<number, number>();
  let inputs = 0;

  beforeAll(async () => {
    const t0 = Date.now();
    system = await startSystem();
    process.stdout.write(`fuzz: startSystem ${Date.now() - t0} ms\n`);
    api = new Api(system.gatewayUrl);
    pool = new Pool({ connectionString: system.databaseUrl, max: 2 });
    watch = new EventWatch(pool);
    const started = Date.now();
    resources = await createResources(system, api);
    process.stdout.write(`fuzz: resources created in ${Date.now() - started} ms\n`);
  }, 180_000);
  afterAll(async () => {
    await pool?.end();
    await system?.stop();
    if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(failures, null, 1));
    // The figures for the issue note: how much was fuzzed and what came back.
    process.stdout.write(
      `fuzz: ${OPERATIONS.length} operations, ${inputs} malformed inputs (FUZZ_RUNS=${RUNS}, FUZZ_SEED=${SEED}), ` +
        `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}, ${failures.length} failures\n`,
    );
  });

  const tokenFor = async (op: Operation) => {
    const role = op.roles[0] as Parameters<Api['token']>[0];
    return role === 'partner'
      ? api.token(role, partnerOf(resources.partnerA).sub, resources.partnerA)
      : api.token(role);
  };

  /** Sends one malformed request; a defect is recorded, not thrown, so a run reports them all. */
  async function probe(
    op: Operation,
    input: string,
    request: Parameters<typeof send>[1],
    mustRefuse: boolean,
  ) {
    inputs++;
    let answer: Answer;
    try {
      answer = await send(system.gatewayUrl, request);
    } catch (err) {
      failures.push({
        operation: op.operationId,
        input,
        problem: `request failed: ${(err as Error).message}`,
      });
      return;
    }
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    let problem: string | undefined;
    if (answer.status >= 500) problem = `${answer.status} ${short(answer.text)}`;
    else if (answer.status >= 400) problem = problemDefect(answer);
    else if (mustRefuse) problem = `accepted with ${answer.status}: ${short(answer.text)}`;
    if (problem) failures.push({ operation: op.operationId, input, problem: `${answer.status}: ${problem}` });
  }

  const report = (op: Operation) =>
    failures
      .filter((f) => f.operation === op.operationId)
      .map((f) => `${f.input} -> ${f.problem}`)
      .join('\n');

  /** Runs a batch for one operation and proves it wrote nothing but what reads legitimately cause. */
  async function batch(op: Operation, run: () => Promise<void>) {
    const before = await watch.position();
    await run();
    const legitimate = op.method === 'GET' ? LEGITIMATE_BY_READS : ['IntegrityCheckpointRecorded'];
    const written = await watch.writtenSince(before, legitimate);
    if (written.length)
      failures.push({
        operation: op.operationId,
        input: '(batch)',
        problem: `wrote ${written.map((e) => `${e.type} on ${e.stream_id}`).join(', ')}`,
      });
    expect(report(op)).toBe('');
  }

  const withBody = OPERATIONS.filter((op) => op.body);
  it('the document has operations to fuzz', () => {
    expect(withBody.length).toBeGreaterThan(10);
  });

  describe.each(withBody.map((op) => [op.operationId, op] as const))('body of %s', (_, op) => {
    it(`refuses malformed bodies without a 5xx and writes nothing`, async () => {
      await batch(op, async () => {
        const token = await tokenFor(op);
        const url = fillPath(op, pathValues(op, resources));
        const skipContentTypes = OTHER_MEDIA_TYPES.has(op.operationId);
        const arb = bodyMutations(op.body!, { bodyLimit: BODY_LIMIT, skipContentTypes });
        // Fixed inputs every run: the parser and the idempotency fingerprint must survive them.
        const fixed: MalformedInput[] = [
          {
            kind: 'deep_nesting',
            detail: 'root array depth 100000',
            contentType: 'application/json',
            body: deepJson(100_000, 'array'),
          },
          {
            kind: 'invalid_json',
            detail: 'truncated object',
            contentType: 'application/json',
            body: '{"a":',
          },
          {
            kind: 'empty_body',
            detail: 'JSON content type, no bytes',
            contentType: 'application/json',
            body: '',
          },
          {
            // A valid body in a charset other than UTF-8 (body-parser decodes any utf-*).
            kind: 'wrong_content_type',
            detail: 'valid body as application/json; charset=utf-7',
            contentType: 'application/json; charset=utf-7',
            body: JSON.stringify(sampleValid(op.body!)),
          },
          // The text rule in the first free-text field: NUL, a lone surrogate, bytes that are not UTF-8.
          ...unsafeTextInputs(op.body!),
        ];
        const generated = fc.sample(fc.tuple(arb, fc.boolean()), { seed: seedFor(op), numRuns: RUNS });
        const all: Array<[MalformedInput, boolean]> = [
          ...fixed.map((i) => [i, true] as [MalformedInput, boolean]),
          ...generated,
          // An empty body is {} to the JSON parser: not malformed where every property is optional.
        ].filter(([i]) => !(i.kind === 'empty_body' && !op.body!.required?.length));
        for (const [input, idempotent] of all) {
          const headers: Record<string, string> = idempotent ? { 'idempotency-key': randomUUID() } : {};
          await probe(
            op,
            `${input.kind} (${short(input.detail, 100)})${idempotent ? ' with Idempotency-Key' : ''}`,
            { method: op.method, url, token, contentType: input.contentType, body: input.body, headers },
            true,
          );
        }
      });
    });
  });

  const withPathParams = OPERATIONS.filter((op) => pathParams(op).length);
  describe.each(withPathParams.map((op) => [op.operationId, op] as const))('path of %s', (_, op) => {
    it('refuses malformed path parameters without a 5xx and writes nothing', async () => {
      await batch(op, async () => {
        const token = await tokenFor(op);
        const good = pathValues(op, resources);
        for (const p of pathParams(op))
          for (const bad of BAD_PATH_VALUES) {
            const url = fillPath(op, { ...good, [p.name]: bad }, true);
            await probe(
              op,
              `${p.name} = ${short(bad, 40)}`,
              {
                method: op.method,
                url,
                token,
                contentType: op.body ? 'application/json' : undefined,
                body: op.body ? '{}' : undefined,
              },
              true,
            );
          }
      });
    });
  });

  const withQuery = OPERATIONS.filter((op) => queryParams(op).length);
  describe.each(withQuery.map((op) => [op.operationId, op] as const))('query of %s', (_, op) => {
    it('answers malformed query parameters without a 5xx and writes nothing but access records', async () => {
      await batch(op, async () => {
        const token = await tokenFor(op);
        const base = fillPath(op, pathValues(op, resources));
        const values = fc.sample(fc.constantFrom(...GENERIC_QUERY_VALUES), {
          seed: seedFor(op),
          numRuns: Math.max(RUNS, 3),
        });
        for (const p of queryParams(op)) {
          const schema = p.schema;
          // Values the document itself rules out must be refused; free-form values need only be handled.
          const declared: string[] = [];
          if (schema.enum) declared.push('NOT_IN_ENUM');
          if (schema.pattern) declared.push('!!not matching!!');
          if (isUuid(schema)) declared.push('not-a-uuid');
          if (dateKind(p.name, schema)) declared.push('2025-02-30', 'yesterday');
          for (const v of declared)
            await probe(
              op,
              `?${p.name}=${v}`,
              { method: op.method, url: `${base}?${p.name}=${encodeURIComponent(v)}`, token },
              true,
            );
          for (const v of values)
            await probe(
              op,
              `?${p.name}=${short(v, 40)}`,
              { method: op.method, url: `${base}?${p.name}=${encodeURIComponent(v)}`, token },
              false,
            );
          await probe(
            op,
            `?${p.name} twice`,
            { method: op.method, url: `${base}?${p.name}=a&${p.name}=b`, token },
            false,
          );
          await probe(
            op,
            `?${p.name}[x]=1`,
            { method: op.method, url: `${base}?${p.name}[x]=1`, token },
            false,
          );
        }
      });
    });
  });
});
