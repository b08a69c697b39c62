/**
 * `npm run cases -- rebuild <projection>` for a service's read models, spawned as an operator runs it.
 * Lives outside services/audit because it migrates another service's schema.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { migrateIntake } from '@lse/intake/src/migrate';
import { appendComplaint, auditHarness, type AuditHarness } from '@lse/audit/test/harness';

jest.setTimeout(60_000);
const ROOT = resolve(__dirname, '../..');

describe('npm run cases -- rebuild', () => {
  let h: AuditHarness;
  let caseId: string;

  beforeAll(async () => {
    h = await auditHarness();
    caseId = randomUUID();
    await appendComplaint(h, caseId, 4);
  });
  afterAll(() => h.cleanup());

  const cases = (...argsAndEnv: Array<string | Record<string, string>>) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      const args = argsAndEnv.filter((a): a is string => typeof a === 'string');
      const env = Object.assign({}, ...argsAndEnv.filter((a) => typeof a !== 'string')) as Record<
        string,
        string
      >;
      execFile(
        process.execPath,
        ['-r', '@swc-node/register', 'scripts/cases.ts', ...args],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            DATABASE_URL: h.events.url,
            EVENT_STORE_SCHEMA: h.events.schema,
            AUDIT_SCHEMA: h.audit.schema,
            ...env,
          },
        },
        (err, stdout, stderr) =>
          done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it("rebuilds a service's read models from the events: intake's case index holds the complaint again", async () => {
    const intakeSchema = `${h.audit.schema}_intake`;
    await migrateIntake({ connectionString: h.events.url, schema: intakeSchema });
    try {
      const rebuilt = await cases('rebuild', 'intake', { INTAKE_SCHEMA: intakeSchema });
      expect(rebuilt).toMatchObject({ code: 0, stderr: '' });
      expect(rebuilt.stdout).toMatch(
        /^rebuilt intake \(the complaint queue, case index and employer index\): \d+ events/,
      );
      const { rows } = await h.sql(
        `SELECT count(*)::int AS n FROM ${intakeSchema}.complaint_queue WHERE case_id = $1`,
        [caseId],
      );
      expect(rows[0].n).toBe(1);
    } finally {
      await h.sql(`DROP SCHEMA ${intakeSchema} CASCADE`);
    }
    const unknown = await cases('rebuild', 'everything');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'cases: unknown projection "everything": give one of timeline, intake, investigation, collections, partners\n',
    );
  });
});
