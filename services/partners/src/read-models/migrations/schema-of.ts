import type { QueryRunner } from 'typeorm';

/** The read models' schema, checked before it is written into SQL. */
export function schemaOf(q: QueryRunner): string {
  const schema = (q.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`partners migrations need a valid schema, got "${schema}"`);
  return schema;
}
