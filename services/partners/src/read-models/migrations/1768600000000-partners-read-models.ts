import type { MigrationInterface, QueryRunner } from 'typeorm';

function schemaOf(q: QueryRunner): string {
  const schema = (q.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`partners migrations need a valid schema, got "${schema}"`);
  return schema;
}

/** Partner directory, agreements, referral status, disclosure ledger, outreach, meetings, checkpoints. */
export class PartnersReadModels1768600000000 implements MigrationInterface {
  name = 'PartnersReadModels1768600000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}".partner_directory (
        partner_id uuid PRIMARY KEY,
        name text NOT NULL,
        type text NOT NULL,
        languages text[] NOT NULL,
        industries text[] NOT NULL,
        region text NOT NULL,
        office text NOT NULL,
        active boolean NOT NULL,
        contacts jsonb NOT NULL,
        contact_count int NOT NULL,
        meeting_count int NOT NULL,
        registered_at timestamptz NOT NULL,
        version int NOT NULL
      );
      CREATE INDEX partner_directory_order ON "${s}".partner_directory (registered_at, partner_id);

      CREATE TABLE "${s}".agreements (
        agreement_id uuid PRIMARY KEY,
        type text NOT NULL,
        title text NOT NULL,
        partner_ids uuid[] NOT NULL,
        scope text[] NOT NULL,
        sharing_level text NOT NULL,
        status text NOT NULL,
        effective_on date NOT NULL,
        expires_on date NOT NULL,
        funded_amount_cents bigint,
        clause_version int NOT NULL,
        drafted_at timestamptz NOT NULL,
        version int NOT NULL
      );
      CREATE INDEX agreements_expiry ON "${s}".agreements (status, expires_on);
      CREATE INDEX agreements_partners ON "${s}".agreements USING gin (partner_ids);

      CREATE TABLE "${s}".referral_status (
        referral_id uuid PRIMARY KEY,
        partner_id uuid NOT NULL,
        status text NOT NULL,
        employer_name text NOT NULL,
        worker_count int NOT NULL,
        decline_reason text,
        submitted_at timestamptz NOT NULL,
        decided_at timestamptz,
        version int NOT NULL
      );
      CREATE INDEX referral_status_order ON "${s}".referral_status (submitted_at, referral_id);
      CREATE INDEX referral_status_partner ON "${s}".referral_status (partner_id);

      CREATE TABLE "${s}".disclosure_ledger (
        event_id uuid PRIMARY KEY,
        referral_id uuid NOT NULL,
        partner_id uuid NOT NULL,
        kind text NOT NULL,
        milestone text NOT NULL,
        fields jsonb NOT NULL,
        withheld_fields text[] NOT NULL,
        reason text,
        agreement_id uuid,
        clause_version int,
        sharing_level text,
        consents jsonb NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX disclosure_ledger_order ON "${s}".disclosure_ledger (at, event_id);
      CREATE INDEX disclosure_ledger_referral ON "${s}".disclosure_ledger (referral_id);
      CREATE INDEX disclosure_ledger_partner ON "${s}".disclosure_ledger (partner_id);

      CREATE TABLE "${s}".outreach_events (
        outreach_id uuid PRIMARY KEY,
        kind text NOT NULL,
        title text NOT NULL,
        held_on date NOT NULL,
        office text NOT NULL,
        partner_ids uuid[] NOT NULL,
        attendance int NOT NULL,
        languages text[] NOT NULL,
        industries text[] NOT NULL
      );
      CREATE INDEX outreach_events_order ON "${s}".outreach_events (held_on, outreach_id);

      CREATE TABLE "${s}".partner_meetings (
        meeting_id uuid PRIMARY KEY,
        partner_id uuid NOT NULL,
        held_on date NOT NULL,
        kind text NOT NULL,
        agency_attendees int NOT NULL,
        partner_attendees int NOT NULL,
        topics text[] NOT NULL
      );
      CREATE INDEX partner_meetings_order ON "${s}".partner_meetings (partner_id, held_on, meeting_id);

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
      DROP TABLE "${s}".partner_meetings;
      DROP TABLE "${s}".outreach_events;
      DROP TABLE "${s}".disclosure_ledger;
      DROP TABLE "${s}".referral_status;
      DROP TABLE "${s}".agreements;
      DROP TABLE "${s}".partner_directory;
    `);
  }
}

/** In order. Add new migrations at the end; never edit one that has shipped. */
