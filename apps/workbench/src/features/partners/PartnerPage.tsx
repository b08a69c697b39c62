import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, idempotencyKey, ifMatch, ok } from '../../api/client';
import { isApiError } from '../../api/problem';
import { useMay } from '../../auth/may';
import { NoAccess, NotFound } from '../../app/NoAccess';
import { useFormat } from '../../i18n/format';
import { ActionForm } from '../case-file/ActionForm';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { usePartner, type PartnerView } from './partner-api';
import { PartnerContacts } from './PartnerContacts';
import { PartnerMeetings } from './PartnerMeetings';

/** One partner organization: who it reaches, its point people, its meetings, and deactivation. */
export function PartnerPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id = '' } = useParams();
  const allowed = useMay('GET /api/v1/partners/{id}');
  const query = usePartner(id, allowed);
  if (!allowed) return <NoAccess />;
  if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400))
    return <NotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const partner = query.data;
  if (!partner) return <p role="status">{t('common.loading')}</p>;
  const refresh = () => void query.refetch();
  return (
    <>
      <PageTitle subtitle={t(`partners.types.${partner.type}`)}>{partner.name}</PageTitle>
      {partner.status === 'deactivated' && (
        <div className="usa-alert usa-alert--warning usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t('partners.partner.deactivated')}</p>
          </div>
        </div>
      )}
      <dl className="partner-facts" data-testid="partner-facts">
        <dt className="text-bold">{t('partners.partner.languages')}</dt>
        <dd className="margin-left-0 margin-bottom-1">{partner.languages.join(', ') || t('common.none')}</dd>
        <dt className="text-bold">{t('partners.partner.industries')}</dt>
        <dd className="margin-left-0 margin-bottom-1">{partner.industries.join(', ') || t('common.none')}</dd>
        <dt className="text-bold">{t('partners.partner.region')}</dt>
        <dd className="margin-left-0 margin-bottom-1">{`${partner.region} · ${partner.office}`}</dd>
        <dt className="text-bold">{t('partners.partner.registered')}</dt>
        <dd className="margin-left-0 margin-bottom-1">{f.date(partner.registeredAt)}</dd>
      </dl>
      <p>
        <Link to={`/agreements?partnerId=${partner.id}`}>{t('partners.partner.agreements')}</Link>
        {' · '}
        <Link to={`/referrals?partnerId=${partner.id}`}>{t('partners.partner.referrals')}</Link>
      </p>
      <PartnerContacts partner={partner} refresh={refresh} />
      <PartnerMeetings partner={partner} refresh={refresh} />
      {partner.status === 'active' && <Deactivate partner={partner} refresh={refresh} />}
    </>
  );
}

function Deactivate({ partner, refresh }: { partner: PartnerView; refresh: () => void }) {
  const { t } = useTranslation();
  const mayDeactivate = useMay('POST /api/v1/partners/{id}/deactivation');
  const [reason, setReason] = useState('');
  const deactivate = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/api/v1/partners/{id}/deactivation', {
          params: {
            path: { id: partner.id },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(partner.version) },
          },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: refresh,
  });
  if (!mayDeactivate) return null;
  const errors = isApiError(deactivate.error) ? deactivate.error.fieldErrors() : {};
  return (
    <ActionForm
      id="deactivate-partner"
      heading={t('partners.partner.deactivate.heading')}
      error={deactivate.error}
      onReload={() => {
        deactivate.reset();
        refresh();
      }}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        deactivate.mutate();
      }}
      submitLabel={t('partners.partner.deactivate.submit')}
      busy={deactivate.isPending}
    >
      <p className="usa-hint">{t('partners.partner.deactivate.hint')}</p>
      <Field label={t('partners.partner.deactivate.reason')} error={errors.reason} required>
        <textarea
          className="usa-textarea"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      </Field>
    </ActionForm>
  );
}
