import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/problem';
import { useMay } from '../../auth/may';
import { NoAccess, NotFound } from '../../app/NoAccess';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { AgreementActions } from './AgreementActions';
import { useAgreement, usePartnerNames } from './partner-api';

/**
 * One agreement: its terms as they stand (with the clause version disclosures cite), whether it
 * is in force today, and what the liaison may do with it in its state: sign a draft, amend,
 * renew, terminate, each at the version shown (If-Match).
 */
export function AgreementPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id = '' } = useParams();
  const allowed = useMay('GET /api/v1/agreements/{id}');
  const { nameOf } = usePartnerNames(useMay('GET /api/v1/partners'));
  const query = useAgreement(id, allowed);
  if (!allowed) return <NoAccess />;
  if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400))
    return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const agreement = query.data;
  if (!agreement) return <p role="status">{t('common.loading')}</p>;
  return (
    <>
      <PageTitle subtitle={t(`partners.agreementTypes.${agreement.type}`)}>{agreement.title}</PageTitle>
      <div className="usa-summary-box" role="region" aria-label={t('partners.agreement.summary')}>
        <div className="usa-summary-box__body">
          <dl className="margin-0 grid-row grid-gap-2" data-testid="agreement-terms">
            <div className="tablet:grid-col-4">
              <dt className="text-bold">{t('partners.agreement.status')}</dt>
              <dd className="margin-left-0" data-testid="agreement-status">
                <span className="usa-tag">{t(`partners.agreementStatus.${agreement.status}`)}</span>{' '}
                {t(agreement.inForce ? 'partners.agreement.inForce' : 'partners.agreement.notInForce')}
              </dd>
            </div>
            <div className="tablet:grid-col-4">
              <dt className="text-bold">{t('partners.agreement.term')}</dt>
              <dd className="margin-left-0" data-testid="agreement-term">
                {t('partners.agreements.term', {
                  from: f.date(agreement.effectiveOn),
                  to: f.date(agreement.expiresOn),
                })}
              </dd>
            </div>
            <div className="tablet:grid-col-4">
              <dt className="text-bold">{t('partners.agreement.clauseVersion')}</dt>
              <dd className="margin-left-0">{f.number(agreement.clauseVersion)}</dd>
            </div>
            <div className="tablet:grid-col-4">
              <dt className="text-bold">{t('partners.agreement.parties')}</dt>
              <dd className="margin-left-0">
                <ul className="usa-list usa-list--unstyled">
                  <li>{agreement.agencyParty}</li>
                  {agreement.partnerIds.map((p) => (
                    <li key={p}>
                      <Link to={`/partners/${p}`}>{nameOf(p)}</Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div className="tablet:grid-col-4">
              <dt className="text-bold">{t('partners.agreement.sharing')}</dt>
              <dd className="margin-left-0">
                {t(`partners.sharingLevels.${agreement.sharingLevel}`)}
                <span className="display-block font-body-2xs">
                  {agreement.scope.map((s) => t(`partners.scopes.${s}`)).join(', ')}
                </span>
              </dd>
            </div>
            <div className="tablet:grid-col-4">
              <dt className="text-bold">{t('partners.agreement.signed')}</dt>
              <dd className="margin-left-0">
                {agreement.signedOn ? f.date(agreement.signedOn) : t('partners.agreement.unsigned')}
              </dd>
              {agreement.fundedAmountCents != null && (
                <>
                  <dt className="text-bold">{t('partners.agreement.funded')}</dt>
                  <dd className="margin-left-0">{f.money(agreement.fundedAmountCents)}</dd>
                </>
              )}
            </div>
          </dl>
        </div>
      </div>
      <section aria-labelledby="clauses-heading" className="margin-top-4">
        <h2 id="clauses-heading">{t('partners.agreement.clauses', { version: agreement.clauseVersion })}</h2>
        {agreement.clauses.map((c) => (
          <div key={c.clauseId} className="margin-bottom-2">
            <h3 className="margin-bottom-05">{`${c.clauseId} · ${c.title}`}</h3>
            <p className="margin-top-0 measure-5">{c.text}</p>
          </div>
        ))}
      </section>
      <AgreementActions agreement={agreement} refresh={() => void query.refetch()} />
    </>
  );
}
