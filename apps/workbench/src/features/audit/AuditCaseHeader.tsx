import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { PageTitle } from '../../ui/PageTitle';
import { flatten } from './state-diff';
import type { CaseState } from './audit-api';

/** The case number as the services know it now (intake's open case), if one was given. */
export function caseNumberOf(state: CaseState | undefined): string | undefined {
  for (const s of state?.streams ?? [])
    for (const [path, value] of flatten(s.state))
      if (/(^|\.)caseNumber$/.test(path) && typeof value === 'string') return value;
  return undefined;
}

/**
 * The breadcrumb, title and sub-navigation the auditor's case screens share: the case's
 * history, the case as of an instant, and the case file itself.
 */
export function AuditCaseHeader({
  caseId,
  caseNumber,
  screen,
}: {
  caseId: string;
  caseNumber: string | undefined;
  screen: 'history' | 'asOf';
}) {
  const { t } = useTranslation();
  const name = caseNumber ?? t('audit.case.unnumbered');
  return (
    <>
      <nav aria-label={t('caseFile.breadcrumb')} className="usa-breadcrumb padding-top-0">
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <Link className="usa-breadcrumb__link" to="/cases">
              {t('cases.title')}
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item">
            <Link className="usa-breadcrumb__link" to={`/cases/${caseId}`}>
              {name}
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            {t(`audit.${screen}.crumb`)}
          </li>
        </ol>
      </nav>
      <PageTitle subtitle={t(`audit.${screen}.subtitle`)}>
        {t(`audit.${screen}.title`, { caseNumber: name })}
      </PageTitle>
      <nav aria-label={t('audit.case.views')} className="margin-bottom-3">
        <ul className="usa-button-group">
          {(
            [
              ['history', `/audit/cases/${caseId}/history`],
              ['asOf', `/audit/cases/${caseId}/as-of`],
            ] as const
          ).map(([id, to]) => (
            <li className="usa-button-group__item" key={id}>
              <NavLink
                to={to}
                className={({ isActive }) => `usa-button${isActive ? '' : ' usa-button--outline'}`}
                aria-current={screen === id ? 'page' : undefined}
              >
                {t(`audit.${id}.crumb`)}
              </NavLink>
            </li>
          ))}
          <li className="usa-button-group__item">
            <Link to={`/cases/${caseId}`} className="usa-button usa-button--unstyled padding-x-1">
              {t('audit.case.caseFile')}
            </Link>
          </li>
        </ul>
      </nav>
    </>
  );
}
