import { createTestSchema, TestSchema } from '@lse/testing';
import { migrate, PostgresEventStore } from '../src';

export interface StoreHarness {
  db: TestSchema;
  store: PostgresEventStore;
  cleanup(): Promise<void>;
}

/** A migrated store in a schema of its own, owning the complaint and investigation categories. */
export async function storeHarness(): Promise<StoreHarness> {
  const db = await createTestSchema('es');
  await migrate(db.pool, db.schema);
  const store = new PostgresEventStore({
    pool: db.pool,
    schema: db.schema,
    service: 'intake',
    categories: ['complaint', 'investigation'],
  });
  return { db, store, cleanup: () => db.drop() };
}
