import { IntakeReadModels1768500000000 } from './1768500000000-intake-read-models';
import { CaseStatus1769200000000 } from './1769200000000-case-status';
import { EmployerIndexEveryEmployer1769200001000 } from './1769200001000-employer-index-every-employer';
import { CaseIndexEndedAtIntake1769500000000 } from './1769500000000-case-index-ended-at-intake';
import { EmployerTerms1769500001000 } from './1769500001000-employer-terms';
import { ComplaintLanguage1770100000000 } from './1770100000000-complaint-language';

/** In order. Add new migrations at the end; never edit one that has shipped. */
export const INTAKE_MIGRATIONS = [
  IntakeReadModels1768500000000,
  CaseStatus1769200000000,
  EmployerIndexEveryEmployer1769200001000,
  CaseIndexEndedAtIntake1769500000000,
  EmployerTerms1769500001000,
  ComplaintLanguage1770100000000,
];
