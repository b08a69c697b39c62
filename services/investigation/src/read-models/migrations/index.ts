import { InvestigationReadModels1768600000000 } from './1768600000000-investigation-read-models';

/** In order. Add new migrations at the end; never edit one that has shipped. */
export const INVESTIGATION_MIGRATIONS = [InvestigationReadModels1768600000000];
