import type { MigrationInterface, QueryRunner } from 'typeorm';

const schemaOf = (q: QueryRunner) => {
  const schema = (q.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`audit migrations need a valid schema, got "${schema}"`);
  return schema;
};

/** Case timeline, FOIA requests, integrity checkpoint heads and projection checkpoints. */
export class AuditReadModels1768600000000 implements MigrationInterface {
  name = 'AuditReadModels1768600000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}".case_timeline (
        position bigint PRIMARY KEY,
        case_id uuid NOT NULL,
        event_id uuid NOT NULL,
        stream_id text NOT NULL,
        category text NOT NULL,
        stream_version int NOT NULL,
        type text NOT NULL,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        actor_org text,
        occurred_at text NOT NULL,
        recorded_at text NOT NULL,
        correlation_id text NOT NULL,
        causation_id text,
        source_service text NOT NULL
      );
      CREATE INDEX case_timeline_case ON "${s}".case_timeline (case_id, position);

      CREATE TABLE "${s}".foia_requests (
        request_id uuid PRIMARY KEY,
        status text NOT NULL,
        case_ids uuid[] NOT NULL,
        requester_organization text,
        received_at text NOT NULL,
        overrides int NOT NULL,
        package_sha256 text,
        version int NOT NULL
      );
      CREATE INDEX foia_requests_order ON "${s}".foia_requests (received_at, request_id);

      CREATE TABLE "${s}".integrity_checkpoints (
        event_id uuid PRIMARY KEY,
        position bigint NOT NULL,
        tx_bound text NOT NULL,
        merkle_root text NOT NULL,
        heads jsonb NOT NULL
      );

      CREATE TABLE "${s}".projection_checkpoints (
        name text PRIMARY KEY,
        tx_id text NOT NULL,
        position bigint NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      DROP TABLE "${s}".projection_checkpoints;
      DROP TABLE "${s}".integrity_checkpoints;
      DROP TABLE "${s}".foia_requests;
      DROP TABLE "${s}".case_timeline;
    `);
  }
}
