import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A row's way into its collection case (`/collections/<caseId>`). */
export function CaseLink({ caseId, caseNumber }: { caseId: string; caseNumber: string | null }) {
  const { t } = useTranslation();
  return <Link to={`/collections/${caseId}`}>{caseNumber ?? t('receivables.noCaseNumber')}</Link>;
}
