import type { MigrationInterface, QueryRunner } from 'typeorm';

const schemaOf = (q: QueryRunner) => {
  const schema = (q.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`audit migrations need a valid schema, got "${schema}"`);
  return schema;
};

/**
 * The released FOIA packages as they were released (docs/erasure.md#released-foia-packages): the
 * JSON and HTML bytes whose digests FoiaResponseReleased records, sealed (AES-256-GCM) under a key
 * derived from the keys of the package's cases. Not a projection: the events cannot rebuild it
 * (a rebuild of the timeline leaves it alone). Packages released before this migration have no
 * row; their download recompiles them, as before.
 */
export class ReleasedPackages1770500000000 implements MigrationInterface {
  name = 'ReleasedPackages1770500000000';

  async up(q: QueryRunner): Promise<void> {
    const schema = schemaOf(q);
    await q.query(
      `CREATE TABLE "${schema}".released_packages (
         request_id uuid NOT NULL,
         package_sha256 text NOT NULL CHECK (package_sha256 ~ '^[0-9a-f]{64}$'),
         html_sha256 text NOT NULL CHECK (html_sha256 ~ '^[0-9a-f]{64}$'),
         case_ids uuid[] NOT NULL,
         key_ids uuid[] NOT NULL CHECK (cardinality(key_ids) > 0),
         sealed_json bytea NOT NULL,
         sealed_html bytea NOT NULL,
         stored_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (request_id, package_sha256, html_sha256)
       )`,
    );
    // An erasure drops the copies holding any of its cases.
    await q.query(
      `CREATE INDEX released_packages_cases ON "${schema}".released_packages USING gin (case_ids)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${schemaOf(q)}".released_packages`);
  }
}
