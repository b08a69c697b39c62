/**
 * The journey of issue 19 through the workbench in English (support/journey.ts says what it does
 * and how the figures it looks for were computed by hand). Its screens are the README's.
 */
import { describeJourney } from './support/journey';

jest.setTimeout(180_000);

describeJourney(
  'en',
  {
    officer: 'olga.intake',
    supervisor: 'sue.supervisor',
    secondSupervisor: 'sam.supervisor',
    investigator: 'ivan.investigator',
    collections: 'cora.collections',
  },
  { screenshots: true, accessibility: true },
);
