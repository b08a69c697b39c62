/**
 * The same journey with the interface in Spanish: every label, button and message it uses is
 * found by its Spanish text (a string left in English, or a key missing in es.json, fails it),
 * money and lists formatted for es-US.
 */
import { describeJourney } from './support/journey';

jest.setTimeout(180_000);

describeJourney(
  'es',
  {
    officer: 'olga.admision',
    supervisor: 'susana.supervisora',
    secondSupervisor: 'samuel.supervisor',
    investigator: 'ines.investigadora',
    collections: 'carmen.cobranza',
  },
  { accessibility: true },
);
