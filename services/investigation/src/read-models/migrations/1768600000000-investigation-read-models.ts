import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/** Investigations (workload, open by priority and age), findings per case, projection checkpoints. */
export class InvestigationReadModels1768600000000 implements MigrationInterface {
  name = 'InvestigationReadModels1768600000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}".investigations (
        case_id uuid PRIMARY KEY,
        case_number text NOT NULL,
        priority text NOT NULL,
        office text NOT NULL,
        opened_at timestamptz NOT NULL,
        status text NOT NULL,
        investigator_id text,
        determination_status text,
        determined_cents bigint,
        version int NOT NULL
      );
      CREATE INDEX investigations_order ON "${s}".investigations (status, priority, opened_at, case_id);
      CREATE INDEX investigations_workload ON "${s}".investigations (investigator_id, status);

      CREATE TABLE "${s}".findings (
        case_id uuid NOT NULL,
        finding_id uuid NOT NULL,
        kind text NOT NULL,
        label text NOT NULL,
        statute text,
        amount_cents bigint,
        recorded_at timestamptz NOT NULL,
        version int NOT NULL,
        PRIMARY KEY (case_id, finding_id)
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
      DROP TABLE "${s}".findings;
      DROP TABLE "${s}".investigations;
    `);
  }
}
