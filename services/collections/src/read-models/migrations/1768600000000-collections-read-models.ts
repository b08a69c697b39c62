import type { MigrationInterface, QueryRunner } from 'typeorm';

function schemaOf(q: QueryRunner): string {
  const schema = (q.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`collections migrations need a valid schema, got "${schema}"`);
  return schema;
}

/** Receivables (cases), installments, per-worker balances, defaults and the projection checkpoint. */
export class CollectionsReadModels1768600000000 implements MigrationInterface {
  name = 'CollectionsReadModels1768600000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}".collection_cases (
        case_id uuid PRIMARY KEY,
        case_number text,
        office text NOT NULL,
        naics text,
        industry text,
        opened_on date NOT NULL,
        status text NOT NULL,
        plan_status text NOT NULL,
        debtor_names text NOT NULL,
        assessed_cents bigint NOT NULL,
        collected_cents bigint NOT NULL,
        disbursed_cents bigint NOT NULL,
        held_cents bigint NOT NULL,
        transferred_cents bigint NOT NULL,
        written_off_cents bigint NOT NULL,
        outstanding_cents bigint NOT NULL,
        aging_from date,
        version int NOT NULL
      );
      CREATE INDEX collection_cases_aging ON "${s}".collection_cases (aging_from, case_id) WHERE status = 'open' AND outstanding_cents > 0;
      CREATE INDEX collection_cases_office ON "${s}".collection_cases (office);

      CREATE TABLE "${s}".collection_installments (
        case_id uuid NOT NULL,
        plan_id uuid NOT NULL,
        installment_no int NOT NULL,
        due_on date NOT NULL,
        amount_cents bigint NOT NULL,
        paid_cents bigint NOT NULL,
        missed boolean NOT NULL,
        PRIMARY KEY (case_id, plan_id, installment_no)
      );
      CREATE INDEX collection_installments_due ON "${s}".collection_installments (due_on, case_id, installment_no);

      CREATE TABLE "${s}".collection_worker_balances (
        case_id uuid NOT NULL,
        worker_id uuid NOT NULL,
        assessed_cents bigint NOT NULL,
        collected_cents bigint NOT NULL,
        disbursed_cents bigint NOT NULL,
        held_cents bigint NOT NULL,
        transferred_cents bigint NOT NULL,
        written_off_cents bigint NOT NULL,
        outstanding_cents bigint NOT NULL,
        unlocated_since date,
        PRIMARY KEY (case_id, worker_id)
      );

      CREATE TABLE "${s}".collection_defaults (
        case_id uuid NOT NULL,
        plan_id uuid NOT NULL,
        declared_on date NOT NULL,
        balance_due_cents bigint NOT NULL,
        missed_installments int[] NOT NULL,
        PRIMARY KEY (case_id, plan_id)
      );
      CREATE INDEX collection_defaults_order ON "${s}".collection_defaults (declared_on, case_id);

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
      DROP TABLE "${s}".collection_defaults;
      DROP TABLE "${s}".collection_worker_balances;
      DROP TABLE "${s}".collection_installments;
      DROP TABLE "${s}".collection_cases;
    `);
  }
}
