import { useTranslation } from 'react-i18next';
import { useSession } from '../../../../auth/session';
import type { CaseFileTab, CaseFileTabProps } from '../../case-file-tab';
import { partsOf } from '../../investigation-parts';
import { useCaseChanged } from '../../use-case-changed';
import { DeterminationPanel } from './DeterminationPanel';

/** The determination: propose, approve (a second person), issue; its status and who did what when. */
export function DeterminationTab(props: CaseFileTabProps) {
  const { caseId, investigation } = props;
  const { t } = useTranslation();
  const session = useSession();
  const changed = useCaseChanged(props);
  if (!investigation || !session) return <p role="status">{t('common.loading')}</p>;
  return (
    <DeterminationPanel
      caseId={caseId}
      parts={partsOf(investigation)}
      actor={session.actor}
      onChanged={changed}
    />
  );
}

export const tab: CaseFileTab = {
  id: 'determination',
  order: 100,
  labelKey: 'caseFile.tabs.determination',
  roles: ['investigator', 'supervisor', 'auditor'],
  Component: DeterminationTab,
};
