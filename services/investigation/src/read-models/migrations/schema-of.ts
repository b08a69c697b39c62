import type { QueryRunner } from 'typeorm';

/** The schema the data source was configured with: migrations are written once for any schema. */
export function schemaOf(q: QueryRunner): string {
  const schema = (q.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`investigation migrations need a valid schema, got "${schema}"`);
  return schema;
}
