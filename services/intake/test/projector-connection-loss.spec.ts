import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { START } from '@lse/event-store';
import { DEFAULT_TARGETED_INDUSTRIES } from '@lse/intake-domain';
import { receivedComplaint } from '@lse/intake-domain/test/fixtures';
import { IntakeProjector } from '../src/read-models/projector';
import { appendAll, storeHarness, type StoreHarness } from './harness';

/**
 * Found by the fault test (test/fault): restarting PostgreSQL under load killed intake. The
 * projector checks a connection out of the pool for a batch; pg-pool listens for 'error' only on
 * idle connections, so a connection the server ended while checked out was an uncaught exception.
 */
describe('intake projector when PostgreSQL ends its connection mid-batch', () => {
  let h: StoreHarness;
  let admin: Client;
  const uncaught: unknown[] = [];
  const onUncaught = (err: unknown) => uncaught.push(err);
  let saved: NodeJS.UncaughtExceptionListener[] = [];

  beforeAll(async () => {
    h = await storeHarness();
    admin = new Client({ connectionString: h.intakeSchema.url });
    await admin.connect();
    saved = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', onUncaught);
  });
  afterAll(async () => {
    process.removeListener('uncaughtException', onUncaught);
    for (const l of saved) process.on('uncaughtException', l);
    await admin.end();
    await h.cleanup();
  });

  it('fails the batch (to be retried), keeps the process up and projects it on the next try', async () => {
    const projector = new IntakeProjector({
      dataSource: h.dataSource,
      store: h.store,
      targetedIndustries: DEFAULT_TARGETED_INDUSTRIES,
    });
    const caseId = randomUUID();
    await appendAll(h.store, caseId, [{ type: 'ComplaintReceived', data: receivedComplaint() }]);
    // Readers see it once every older transaction on the server has ended (other suites' too).
    let batch = await h.store.readAfter(START, { categories: ['complaint'], limit: 10 });
    for (let i = 0; i < 400 && batch.events.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      batch = await h.store.readAfter(START, { categories: ['complaint'], limit: 10 });
    }
    expect(batch.events).toHaveLength(1);
    await projector.handleBatch([], START); // creates the checkpoint row
    const schema = h.intakeSchema.schema;

    // Hold the checkpoint row so the batch waits on it with its connection checked out, then end
    // that connection from the server side, as a restart would.
    const blocker = new Client({ connectionString: h.intakeSchema.url });
    await blocker.connect();
    await blocker.query(`BEGIN; SELECT * FROM "${schema}".projection_checkpoints FOR UPDATE`);
    const attempt = projector.handleBatch(batch.events, batch.checkpoint);
    const outcome = attempt.then(
      () => 'committed',
      (err: Error) => err.message,
    );
    let pid: number | undefined;
    for (let i = 0; i < 200 && pid === undefined; i++) {
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND query LIKE '%projection_checkpoints%' AND pid <> $1`,
        [(blocker as unknown as { processID: number }).processID],
      );
      pid = rows[0]?.pid;
      if (pid === undefined) await new Promise((r) => setTimeout(r, 25));
    }
    expect(pid).toBeDefined();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    expect(await outcome).toMatch(/terminat/i);
    await blocker.query('ROLLBACK');
    await blocker.end();
    await new Promise((r) => setTimeout(r, 100));
    expect(uncaught).toEqual([]);

    await projector.handleBatch(batch.events, batch.checkpoint);
    const { rows } = await admin.query(`SELECT case_id FROM "${schema}".complaint_queue`);
    expect(rows).toEqual([{ case_id: caseId }]);
  });
});
