import type { ComplaintView } from '../complaint-types';

/** What each intake step gets: the complaint as shown (its version is the If-Match) and a reload. */
export interface StepProps {
  view: ComplaintView;
  reload: () => void;
}
