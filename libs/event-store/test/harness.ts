import { createTestSchema, TestSchema } from '@lse/testing';
import { migrate, PostgresEventStore, type PostgresEventStoreOptions } from '../src';

export interface StoreHarness {
  db: TestSchema;
  store: PostgresEventStore;
  cleanup(): Promise<void>;
}

/** A migrated store in a schema of its own, owning the complaint and investigation categories. */
export async function storeHarness(
  options: Pick<PostgresEventStoreOptions, 'groupCommit'> = {},
): Promise<StoreHarness> {
  const db = await createTestSchema('es');
  await migrate(db.pool, db.schema);
  const store = new PostgresEventStore({
    pool: db.pool,
    schema: db.schema,
    service: 'intake',
    categories: ['complaint', 'investigation'],
    ...options,
  });
  return { db, store, cleanup: () => db.drop() };
}
