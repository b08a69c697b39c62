import { useSession } from '../../../../auth/session';
import type { CaseFileTab, CaseFileTabProps } from '../../case-file-tab';
import { INVESTIGATION_READERS, NoInvestigationInTab } from '../../tab-parts';
import { useCaseChanged } from '../../use-case-changed';
import { DeterminationPanel } from './DeterminationPanel';

/** The determination: propose, approve (a second person), issue; its status and who did what when. */
export function DeterminationTab(props: CaseFileTabProps) {
  const { caseId, investigation } = props;
  const session = useSession();
  const changed = useCaseChanged(props);
  if (!investigation || !session) return <NoInvestigationInTab />;
  return (
    <DeterminationPanel caseId={caseId} view={investigation} actor={session.actor} onChanged={changed} />
  );
}

export const tab: CaseFileTab = {
  id: 'determination',
  order: 100,
  labelKey: 'caseFile.tabs.determination',
  roles: INVESTIGATION_READERS,
  Component: DeterminationTab,
};
