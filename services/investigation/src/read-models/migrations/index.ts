import { InvestigationReadModels1768600000000 } from './1768600000000-investigation-read-models';
import { InvestigationNextStep1770000000000 } from './1770000000000-investigation-next-step';

/** In order. Add new migrations at the end; never edit one that has shipped. */
export const INVESTIGATION_MIGRATIONS = [
  InvestigationReadModels1768600000000,
  InvestigationNextStep1770000000000,
];
