import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/** Complaint queue, case index, employer index, projection checkpoints and the case-number sequence. */
export class IntakeReadModels1768500000000 implements MigrationInterface {
  name = 'IntakeReadModels1768500000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}".complaint_queue (
        case_id uuid PRIMARY KEY,
        status text NOT NULL,
        priority text,
        score int,
        office text NOT NULL,
        channel text NOT NULL,
        naics text,
        industry text,
        employer_name text NOT NULL,
        workers_affected int NOT NULL,
        ongoing boolean NOT NULL,
        limitations_expires_on date,
        limitations_warning text,
        case_number text,
        received_at timestamptz NOT NULL,
        version int NOT NULL
      );
      CREATE INDEX complaint_queue_order ON "${s}".complaint_queue (received_at, case_id);
      CREATE INDEX complaint_queue_status ON "${s}".complaint_queue (status, priority);
      CREATE INDEX complaint_queue_office ON "${s}".complaint_queue (office);
      CREATE INDEX complaint_queue_industry ON "${s}".complaint_queue (industry);

      CREATE TABLE "${s}".case_index (
        case_id uuid PRIMARY KEY,
        case_number text NOT NULL,
        employer_name text NOT NULL,
        employer_fein text,
        status text NOT NULL,
        priority text NOT NULL,
        office text NOT NULL,
        opened_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX case_index_case_number ON "${s}".case_index (case_number);
      CREATE INDEX case_index_order ON "${s}".case_index (opened_at, case_id);

      CREATE TABLE "${s}".employer_index (
        case_id uuid PRIMARY KEY,
        normalized_name text NOT NULL,
        fein text,
        normalized_address text NOT NULL,
        employer_name text NOT NULL,
        naics text,
        status text NOT NULL,
        case_number text,
        received_at timestamptz NOT NULL
      );
      CREATE INDEX employer_index_name ON "${s}".employer_index (normalized_name);
      CREATE INDEX employer_index_fein ON "${s}".employer_index (fein);

      CREATE TABLE "${s}".projection_checkpoints (
        name text PRIMARY KEY,
        tx_id text NOT NULL,
        position bigint NOT NULL
      );

      -- Case numbers: LSE-<year>-<6 digits>; gaps are fine, reuse never happens.
      CREATE SEQUENCE "${s}".case_number_seq;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      DROP SEQUENCE "${s}".case_number_seq;
      DROP TABLE "${s}".projection_checkpoints;
      DROP TABLE "${s}".employer_index;
      DROP TABLE "${s}".case_index;
      DROP TABLE "${s}".complaint_queue;
    `);
  }
}
