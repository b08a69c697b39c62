import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../api/client';
import { isApiError } from '../../api/problem';
import { useMay } from '../../auth/may';
import { ActionForm } from '../case-file/ActionForm';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import type { PartnerView } from './partner-api';
import { PointPeopleFlag } from './PointPeopleFlag';

/** The partner's point people, each removable, and the form that adds one (at the partner's version). */
export function PartnerContacts({ partner, refresh }: { partner: PartnerView; refresh: () => void }) {
  const { t } = useTranslation();
  const mayRemove = useMay('POST /api/v1/partners/{id}/contacts/{contactId}/removal');
  const active = partner.status === 'active';
  const remove = useMutation({
    mutationFn: async (contactId: string) =>
      ok(
        await api.POST('/api/v1/partners/{id}/contacts/{contactId}/removal', {
          params: {
            path: { id: partner.id, contactId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(partner.version) },
          },
          body: {},
        }),
      ),
    onSuccess: refresh,
  });
  return (
    <section aria-labelledby="contacts-heading" className="margin-top-4">
      <h2 id="contacts-heading">{t('partners.partner.contacts')}</h2>
      <PointPeopleFlag count={partner.contacts.length} />
      <ErrorAlert
        error={remove.error}
        onReload={() => {
          remove.reset();
          refresh();
        }}
      />
      {partner.contacts.length === 0 ? (
        <p>{t('partners.partner.noContacts')}</p>
      ) : (
        <ul className="usa-list usa-list--unstyled" data-testid="point-people">
          {partner.contacts.map((c) => (
            <li key={c.contactId} className="padding-y-1 border-bottom-1px border-base-lighter">
              <strong>{c.name}</strong>
              {c.role && <span> · {c.role}</span>}
              {c.email && <span className="display-block">{c.email}</span>}
              {c.phone && <span className="display-block">{c.phone}</span>}
              {mayRemove && active && (
                <button
                  type="button"
                  className="usa-button usa-button--unstyled margin-top-05"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(c.contactId)}
                >
                  {t('partners.partner.removeContact', { name: c.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {active && <AddContact partner={partner} refresh={refresh} />}
    </section>
  );
}

function AddContact({ partner, refresh }: { partner: PartnerView; refresh: () => void }) {
  const { t } = useTranslation();
  const mayAdd = useMay('POST /api/v1/partners/{id}/contacts');
  const blank = { name: '', role: '', email: '', phone: '' };
  const [form, setForm] = useState(blank);
  const add = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/api/v1/partners/{id}/contacts', {
          params: {
            path: { id: partner.id },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(partner.version) },
          },
          body: JSON.parse(
            JSON.stringify({
              name: form.name.trim(),
              role: form.role.trim() || undefined,
              email: form.email.trim() || undefined,
              phone: form.phone.trim() || undefined,
            }),
          ) as { name: string },
        }),
      ),
    onSuccess: () => {
      setForm(blank);
      refresh();
    },
  });
  if (!mayAdd) return null;
  const errors = isApiError(add.error) ? add.error.fieldErrors() : {};
  const input = (name: keyof typeof blank, type = 'text') => (
    <input
      className="usa-input"
      type={type}
      value={form[name]}
      autoComplete="off"
      onChange={(e) => {
        const v = e.currentTarget.value;
        setForm((x) => ({ ...x, [name]: v }));
      }}
    />
  );
  return (
    <ActionForm
      id="add-contact"
      heading={t('partners.partner.addContact.heading')}
      done={add.isSuccess ? t('partners.partner.addContact.done') : undefined}
      error={add.error}
      onReload={() => {
        add.reset();
        refresh();
      }}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        add.mutate();
      }}
      submitLabel={t('partners.partner.addContact.submit')}
      busy={add.isPending}
    >
      <Field label={t('partners.partner.addContact.name')} error={errors.name} required>
        {input('name')}
      </Field>
      <Field label={t('partners.partner.addContact.role')} error={errors.role}>
        {input('role')}
      </Field>
      <Field label={t('partners.partner.addContact.email')} error={errors.email}>
        {input('email', 'email')}
      </Field>
      <Field label={t('partners.partner.addContact.phone')} error={errors.phone}>
        {input('phone', 'tel')}
      </Field>
    </ActionForm>
  );
}
