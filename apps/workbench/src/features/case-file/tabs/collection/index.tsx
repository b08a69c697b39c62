import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../../api/problem';
import { operationRoles } from '../../../../api/operation-roles';
import type { Role } from '../../../../auth/session';
import { useFormat } from '../../../../i18n/format';
import { Alert } from '../../../../ui/Alert';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { useCollection } from '../../../collection-case/collection-data';
import type { CaseFileTab, CaseFileTabProps } from '../../case-file-tab';

/** From the case file to its collection case (/collections/:caseId), when the case has one. */
function Collection({ caseId }: CaseFileTabProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useCollection(caseId);
  if (query.isPending) return <p role="status">{t('common.loading')}</p>;
  if (isApiError(query.error) && query.error.status === 404)
    return (
      <Alert kind="info" slim>
        {t('collectionCase.caseFileTab.none')}
      </Alert>
    );
  if (query.error) return <ErrorAlert error={query.error} onReload={() => void query.refetch()} />;
  const { totals } = query.data;
  return (
    <>
      <p>
        {t('collectionCase.caseFileTab.body', {
          collected: f.money(totals.collectedCents),
          assessed: f.money(totals.assessedCents),
          outstanding: f.money(totals.outstandingCents),
        })}
      </p>
      <Link className="usa-button" to={`/collections/${caseId}`}>
        {t('collectionCase.caseFileTab.open')}
      </Link>
    </>
  );
}

export const tab: CaseFileTab = {
  id: 'collection',
  order: 110,
  labelKey: 'collectionCase.caseFileTab.label',
  roles: (operationRoles['GET /api/v1/collections/{caseId}'] ?? []) as readonly Role[],
  Component: Collection,
};
