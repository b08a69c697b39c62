import { CollectionsReadModels1768600000000 } from './1768600000000-collections-read-models';

/** In order. Add new migrations at the end; never edit one that has shipped. */
export const COLLECTIONS_MIGRATIONS = [CollectionsReadModels1768600000000];
