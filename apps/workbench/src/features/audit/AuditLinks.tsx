import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMay } from '../../auth/may';
import { READ_ACCESS, READ_STATE } from './audit-routes';

/** From the case file, the auditor's own views of the case: its full history and the case as of any instant. */
export function AuditLinks({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const history = useMay(READ_ACCESS);
  const asOf = useMay(READ_STATE);
  if (!history && !asOf) return null;
  return (
    <nav aria-label={t('audit.case.links')} className="margin-top-2">
      <ul className="usa-button-group">
        {history && (
          <li className="usa-button-group__item">
            <Link className="usa-button usa-button--outline" to={`/audit/cases/${caseId}/history`}>
              {t('audit.history.crumb')}
            </Link>
          </li>
        )}
        {asOf && (
          <li className="usa-button-group__item">
            <Link className="usa-button usa-button--outline" to={`/audit/cases/${caseId}/as-of`}>
              {t('audit.asOf.crumb')}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
