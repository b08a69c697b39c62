import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { may } from '../../auth/may';
import { useSession } from '../../auth/session';
import { Field } from '../../ui/Field';
import { useShownName } from '../../ui/erased';
import type { CollectionCase } from './collection-data';

/** Whether the signed-in role may send the collection command and the case still takes it. */
export function useMayAct(operation: string, view: CollectionCase): boolean {
  const role = useSession()?.actor.role;
  return may(role, `POST /api/v1/collections/{caseId}/${operation}`) && view.status === 'open';
}

/** The problem+json field errors of a failed submission, by field path. */
export function fieldErrors(error: unknown): Record<string, string> {
  return isApiError(error) ? error.fieldErrors() : {};
}

/** A choice among a domain's values, each worded in the interface's language. */
export function ChoiceField({
  label,
  values,
  labelOf,
  value,
  onChange,
  error,
  required,
  hint,
}: {
  label: string;
  values: readonly string[];
  labelOf: (value: string) => string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <Field label={label} error={error} required={required} hint={hint}>
      <select className="usa-select" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('collectionCase.choose')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labelOf(v)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A text (or date, or dollar amount) input in a labelled Field. */
export function TextField({
  label,
  value,
  onChange,
  error,
  required,
  hint,
  type = 'text',
  multiline,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  hint?: string;
  type?: 'text' | 'date' | 'money';
  multiline?: boolean;
}) {
  const control: ReactElement<Record<string, unknown>> = multiline ? (
    <textarea className="usa-textarea" value={value} onChange={(e) => onChange(e.currentTarget.value)} />
  ) : (
    <input
      className={`usa-input${type === 'money' ? ' usa-input--md' : ''}`}
      type={type === 'date' ? 'date' : 'text'}
      inputMode={type === 'money' ? 'decimal' : undefined}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
  return (
    <Field label={label} error={error} required={required} hint={hint}>
      {control}
    </Field>
  );
}

/** The worker's name as staff see it, with a mark when the worker asked for confidentiality. */
export function useWorkerName(view: CollectionCase): (workerId: string) => string {
  const { t } = useTranslation();
  const shown = useShownName();
  return (workerId) => {
    const w = view.workers.find((x) => x.workerId === workerId);
    if (!w) return t('collectionCase.unknownWorker');
    const name = shown(w.name);
    return w.confidentialityRequested ? t('collectionCase.confidentialName', { name }) : name;
  };
}

export function useDebtorName(view: CollectionCase): (debtorId: string) => string {
  const { t } = useTranslation();
  return (debtorId) =>
    view.debtors.find((d) => d.debtorId === debtorId)?.name ?? t('collectionCase.unknownDebtor');
}

/** Only the fields given: an optional text the person left empty is not sent. */
export function present<T extends Record<string, unknown>>(body: T): T {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== '')) as T;
}
