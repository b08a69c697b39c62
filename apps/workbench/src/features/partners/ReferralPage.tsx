import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { may } from '../../auth/may';
import { useSession } from '../../auth/session';
import { NoAccess, NotFound } from '../../app/NoAccess';
import { isApiError } from '../../api/problem';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { ConsentEditor } from './ConsentEditor';
import { DisclosureList } from './DisclosureList';
import { NotYours } from './NotYours';
import { usePartnerNames, useReferral } from './partner-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One referral: its status as intake decided it, each worker's consent (with the change form)
 * and what was disclosed to the partner. A partner user sees exactly what the API answers it;
 * any referral the API will not show it (another organization's, or none) is "not yours".
 */
export function ReferralPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id = '' } = useParams();
  const role = useSession()?.actor.role;
  const isPartner = role === 'partner';
  const allowed = may(role, 'GET /api/v1/referrals/{id}');
  const wellFormed = UUID.test(id);
  const query = useReferral(id, allowed && wellFormed);
  const { nameOf: partnerName } = usePartnerNames(allowed && may(role, 'GET /api/v1/partners'));

  if (!allowed) return <NoAccess />;
  const missing =
    !wellFormed || (isApiError(query.error) && (query.error.status === 404 || query.error.status === 403));
  if (missing) return isPartner ? <NotYours /> : <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const referral = query.data;
  if (!referral) return <p role="status">{t('common.loading')}</p>;
  const opened = referral.status === 'accepted' || referral.status === 'closed';
  return (
    <>
      <PageTitle subtitle={t('portal.referral.subtitle', { id: referral.id })}>
        {t('portal.referral.title')}
      </PageTitle>
      <div className="usa-summary-box" role="region" aria-label={t('portal.referral.summary')}>
        <div className="usa-summary-box__body">
          <dl className="margin-0" data-testid="referral-summary">
            <dt className="text-bold">{t('portal.referral.status')}</dt>
            <dd className="margin-left-0 margin-bottom-1">
              <span className="usa-tag" data-testid="referral-status">
                {t(`portal.status.${referral.status}`)}
              </span>{' '}
              {t(`portal.statusHelp.${referral.status}`)}
            </dd>
            {referral.declineReason && (
              <>
                <dt className="text-bold">{t('portal.referral.declineReason')}</dt>
                <dd className="margin-left-0 margin-bottom-1">
                  {t(`portal.declineReasons.${referral.declineReason as 'other'}`, {
                    defaultValue: referral.declineReason,
                  })}
                </dd>
              </>
            )}
            {!isPartner && referral.partnerId && (
              <>
                <dt className="text-bold">{t('portal.referral.partner')}</dt>
                <dd className="margin-left-0 margin-bottom-1">
                  <Link to={`/partners/${referral.partnerId}`}>{partnerName(referral.partnerId)}</Link>
                </dd>
              </>
            )}
            <dt className="text-bold">{t('portal.referral.workers')}</dt>
            <dd className="margin-left-0">{f.number(referral.consents.length)}</dd>
          </dl>
        </div>
      </div>
      {!isPartner && opened && may(role, 'GET /api/v1/cases') && (
        <p>
          <Link to={`/cases/${referral.id}`}>{t('portal.referral.openCase')}</Link>
        </p>
      )}
      {!isPartner && may(role, 'GET /api/v1/disclosures') && (
        <p>
          <Link to={`/disclosures?referralId=${referral.id}`}>{t('portal.referral.ledger')}</Link>
        </p>
      )}
      <ConsentEditor
        referralId={referral.id}
        version={referral.version}
        consents={referral.consents}
        mayChange={may(role, 'POST /api/v1/referrals/{id}/consent') && referral.status !== 'closed'}
        onChanged={() => void query.refetch()}
        staff={!isPartner}
      />
      <DisclosureList disclosures={referral.disclosures} staff={!isPartner} />
    </>
  );
}
