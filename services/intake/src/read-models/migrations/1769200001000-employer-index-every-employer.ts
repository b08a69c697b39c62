import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * Every employer on every case in the employer index: besides the one the complaint names
 * (employer_index), each one the investigation adds (joint employers, staffing agencies,
 * successors) in case_employers, so a repeat-violator lookup finds a business whatever role it
 * had. Violations found are kept per case (the event's id, the employers it names): the
 * repeat-violator count is of cases with violations found. Both come over JetStream and a
 * rebuild, which replays only complaint events, keeps them. Names and addresses are matched by
 * trigram similarity (pg_trgm, installed once per database in `public`, so that dropping an
 * intake schema never drops it).
 */
export class EmployerIndexEveryEmployer1769200001000 implements MigrationInterface {
  name = 'EmployerIndexEveryEmployer1769200001000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    // Intake schemas of one database migrate concurrently (tests, replicas): one creates the
    // extension, the others wait and find it.
    await q.query(`SELECT pg_advisory_xact_lock(hashtext('lse.create-extension.pg_trgm'))`);
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
      CREATE TABLE "${s}".case_employers (
        case_id uuid NOT NULL,
        employer_id uuid NOT NULL,
        role text NOT NULL,
        normalized_name text NOT NULL,
        fein text,
        normalized_address text NOT NULL,
        employer_name text NOT NULL,
        added_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, employer_id)
      );
      CREATE INDEX case_employers_fein ON "${s}".case_employers (fein);
      CREATE INDEX case_employers_name_trgm ON "${s}".case_employers
        USING gin (normalized_name public.gin_trgm_ops);
      CREATE INDEX case_employers_address_trgm ON "${s}".case_employers
        USING gin (normalized_address public.gin_trgm_ops);
      CREATE INDEX employer_index_name_trgm ON "${s}".employer_index
        USING gin (normalized_name public.gin_trgm_ops);
      CREATE INDEX employer_index_address_trgm ON "${s}".employer_index
        USING gin (normalized_address public.gin_trgm_ops);
      CREATE TABLE "${s}".case_violations (
        event_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        employer_ids uuid[] NOT NULL
      );
      CREATE INDEX case_violations_case ON "${s}".case_violations (case_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      DROP TABLE "${s}".case_violations;
      DROP INDEX "${s}".employer_index_address_trgm;
      DROP INDEX "${s}".employer_index_name_trgm;
      DROP TABLE "${s}".case_employers;
    `);
  }
}
