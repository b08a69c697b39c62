import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../api/client';
import { isApiError } from '../../api/problem';
import { useMay } from '../../auth/may';
import { ActionForm } from '../case-file/ActionForm';
import { Field } from '../../ui/Field';
import { AmendAgreement } from './AmendAgreement';
import type { AgreementView } from './partner-api';

type Action = 'signature' | 'renewal' | 'termination';
const today = () => new Date().toISOString().slice(0, 10);

/** The actions an agreement's state allows (the decider's rules), each a form of its own. */
export function AgreementActions({ agreement, refresh }: { agreement: AgreementView; refresh: () => void }) {
  const { status } = agreement;
  return (
    <section className="margin-top-4">
      {status === 'drafted' && <SignAgreement agreement={agreement} refresh={refresh} />}
      {(status === 'active' || status === 'expired') && (
        <RenewAgreement agreement={agreement} refresh={refresh} />
      )}
      {(status === 'drafted' || status === 'active') && (
        <AmendAgreement agreement={agreement} refresh={refresh} />
      )}
      {(status === 'drafted' || status === 'active') && (
        <TerminateAgreement agreement={agreement} refresh={refresh} />
      )}
    </section>
  );
}

/** One action posted at the agreement's version: the form frame, the mutation and its errors. */
function useAgreementAction(agreement: AgreementView, action: Action, refresh: () => void) {
  return useMutation({
    mutationFn: async (body: Record<string, unknown>) =>
      ok(
        await api.POST(`/api/v1/agreements/{id}/${action}`, {
          params: {
            path: { id: agreement.id },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(agreement.version) },
          },
          body: body as never,
        }),
      ),
    onSuccess: refresh,
  });
}

function ActionFrame({
  id,
  operation,
  mutation,
  heading,
  submit,
  done,
  onSubmit,
  refresh,
  children,
}: {
  id: string;
  operation: string;
  mutation: ReturnType<typeof useAgreementAction>;
  heading: string;
  submit: string;
  done: string;
  onSubmit: () => void;
  refresh: () => void;
  children: ReactNode;
}) {
  if (!useMay(operation)) return null;
  return (
    <ActionForm
      id={id}
      heading={heading}
      done={mutation.isSuccess ? done : undefined}
      error={mutation.error}
      onReload={() => {
        mutation.reset();
        refresh();
      }}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
      submitLabel={submit}
      busy={mutation.isPending}
    >
      {children}
    </ActionForm>
  );
}

function SignAgreement({ agreement, refresh }: { agreement: AgreementView; refresh: () => void }) {
  const { t } = useTranslation();
  const sign = useAgreementAction(agreement, 'signature', refresh);
  const [signedOn, setSignedOn] = useState(today);
  const [signatories, setSignatories] = useState('');
  const errors = isApiError(sign.error) ? sign.error.fieldErrors() : {};
  return (
    <ActionFrame
      id="sign-agreement"
      operation="POST /api/v1/agreements/{id}/signature"
      mutation={sign}
      heading={t('partners.actions.sign.heading')}
      submit={t('partners.actions.sign.submit')}
      done={t('partners.actions.sign.done')}
      refresh={refresh}
      onSubmit={() =>
        sign.mutate({
          signedOn,
          signatories: signatories
            .split(/\n+/)
            .map((s) => s.trim())
            .filter(Boolean),
        })
      }
    >
      <Field label={t('partners.actions.sign.signedOn')} error={errors.signedOn} required>
        <input
          className="usa-input"
          type="date"
          value={signedOn}
          onChange={(e) => setSignedOn(e.currentTarget.value)}
        />
      </Field>
      <Field
        label={t('partners.actions.sign.signatories')}
        hint={t('partners.actions.sign.signatoriesHint')}
        error={errors.signatories ?? errors['signatories.0']}
        required
      >
        <textarea
          className="usa-textarea"
          rows={2}
          value={signatories}
          onChange={(e) => setSignatories(e.currentTarget.value)}
        />
      </Field>
    </ActionFrame>
  );
}

function RenewAgreement({ agreement, refresh }: { agreement: AgreementView; refresh: () => void }) {
  const { t } = useTranslation();
  const renew = useAgreementAction(agreement, 'renewal', refresh);
  const [expiresOn, setExpiresOn] = useState('');
  const errors = isApiError(renew.error) ? renew.error.fieldErrors() : {};
  return (
    <ActionFrame
      id="renew-agreement"
      operation="POST /api/v1/agreements/{id}/renewal"
      mutation={renew}
      heading={t('partners.actions.renew.heading')}
      submit={t('partners.actions.renew.submit')}
      done={t('partners.actions.renew.done')}
      refresh={refresh}
      onSubmit={() => renew.mutate({ expiresOn })}
    >
      <Field
        label={t('partners.actions.renew.expiresOn')}
        hint={t('partners.actions.renew.expiresOnHint')}
        error={errors.expiresOn}
        required
      >
        <input
          className="usa-input"
          type="date"
          value={expiresOn}
          onChange={(e) => setExpiresOn(e.currentTarget.value)}
        />
      </Field>
    </ActionFrame>
  );
}

function TerminateAgreement({ agreement, refresh }: { agreement: AgreementView; refresh: () => void }) {
  const { t } = useTranslation();
  const terminate = useAgreementAction(agreement, 'termination', refresh);
  const [reason, setReason] = useState('');
  const errors = isApiError(terminate.error) ? terminate.error.fieldErrors() : {};
  return (
    <ActionFrame
      id="terminate-agreement"
      operation="POST /api/v1/agreements/{id}/termination"
      mutation={terminate}
      heading={t('partners.actions.terminate.heading')}
      submit={t('partners.actions.terminate.submit')}
      done={t('partners.actions.terminate.done')}
      refresh={refresh}
      onSubmit={() => terminate.mutate({ reason: reason.trim() })}
    >
      <p className="usa-hint">{t('partners.actions.terminate.hint')}</p>
      <Field label={t('partners.actions.terminate.reason')} error={errors.reason} required>
        <textarea
          className="usa-textarea"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      </Field>
    </ActionFrame>
  );
}
