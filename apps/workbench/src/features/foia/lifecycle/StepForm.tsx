import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../../api/client';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { foiaRequestKey } from '../foia-api';

export interface StepField {
  name: string;
  label: string;
  hint?: string;
  /** `codeList`: codes typed in one line, separated by commas or spaces. */
  kind: 'text' | 'textarea' | 'select' | 'money' | 'codes' | 'codeList';
  /** For `select` (one value) and `codes` (checkboxes, any number but at least one). */
  options?: Array<{ value: string; label: string }>;
}

/** "12.50" as 1250 cents; anything else undefined (no floating point on money). */
export function centsOf(dollars: string): number | undefined {
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(dollars.trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

type StepFormProps = Parameters<typeof Step>[0];

/**
 * One step of a request's life (POST /foia-requests/:id/<path>) as a form inside a disclosure:
 * every field required, sent at the version the page shows (If-Match), the request and the queue
 * read again once it is recorded. Keyed by its path: the next step in the same place (the answer
 * after the question) starts closed and empty, not with the previous step's disclosure open.
 */
export function StepForm(props: StepFormProps) {
  return <Step key={props.path} {...props} />;
}

function Step({
  requestId,
  version,
  path,
  heading,
  submit,
  intro,
  fields = [],
}: {
  requestId: string;
  version: number;
  path: string;
  heading: string;
  submit: string;
  intro?: string;
  fields?: StepField[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string | string[]>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const step = useMutation({
    mutationFn: async (body: Record<string, unknown>) => {
      const post = api.POST as unknown as (
        p: string,
        init: { params: unknown; body: unknown },
      ) => Promise<{ data?: unknown }>;
      return ok(
        await post(`/api/v1/foia-requests/{requestId}/${path}`, {
          params: {
            path: { requestId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(version) },
          },
          body,
        }),
      );
    },
    onSuccess: async () => {
      setValues({});
      await queryClient.invalidateQueries({ queryKey: foiaRequestKey(requestId) });
      await queryClient.invalidateQueries({ queryKey: ['foia-requests'] });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = {};
    const found: Record<string, string> = {};
    for (const field of fields) {
      const value = values[field.name];
      if (field.kind === 'codes') {
        if (!Array.isArray(value) || value.length === 0) found[field.name] = t('foiaLife.required');
        else body[field.name] = value;
      } else if (typeof value !== 'string' || !value.trim()) found[field.name] = t('foiaLife.required');
      else if (field.kind === 'money') {
        const cents = centsOf(value);
        if (cents === undefined) found[field.name] = t('foiaLife.moneyInvalid');
        else body[field.name] = cents;
      } else if (field.kind === 'codeList') body[field.name] = value.split(/[,\s]+/).filter(Boolean);
      else if (field.name === 'granted') body.granted = value === 'true';
      else body[field.name] = value.trim();
    }
    setErrors(found);
    if (Object.keys(found).length === 0) step.mutate(body);
  };
  const set = (name: string, value: string | string[]) => setValues((v) => ({ ...v, [name]: value }));
  return (
    <details className="margin-top-2" data-testid={`step-${path}`}>
      <summary className="text-bold">{heading}</summary>
      <form className="usa-form" noValidate onSubmit={onSubmit} aria-label={heading}>
        {intro && <p>{intro}</p>}
        <ErrorAlert error={step.error} />
        {fields.map((field) => {
          const value = values[field.name];
          const text = typeof value === 'string' ? value : '';
          if (field.kind === 'codes')
            return (
              <fieldset key={field.name} className="usa-fieldset">
                <legend className="usa-legend">{field.label}</legend>
                {errors[field.name] && (
                  <span className="usa-error-message" role="alert">
                    {errors[field.name]}
                  </span>
                )}
                {field.options?.map((o) => {
                  const chosen = Array.isArray(value) ? value : [];
                  const id = `${path}-${field.name}-${o.value}`;
                  return (
                    <div className="usa-checkbox" key={o.value}>
                      <input
                        className="usa-checkbox__input"
                        type="checkbox"
                        id={id}
                        checked={chosen.includes(o.value)}
                        onChange={(e) =>
                          set(
                            field.name,
                            e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value),
                          )
                        }
                      />
                      <label className="usa-checkbox__label" htmlFor={id}>
                        {o.label}
                      </label>
                    </div>
                  );
                })}
              </fieldset>
            );
          return (
            <Field key={field.name} label={field.label} hint={field.hint} required error={errors[field.name]}>
              {field.kind === 'textarea' ? (
                <textarea
                  className="usa-textarea"
                  value={text}
                  onChange={(e) => set(field.name, e.target.value)}
                />
              ) : field.kind === 'select' ? (
                <select className="usa-select" value={text} onChange={(e) => set(field.name, e.target.value)}>
                  <option value="">{t('foiaLife.choose')}</option>
                  {field.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  className="usa-input"
                  inputMode={field.kind === 'money' ? 'decimal' : undefined}
                  value={text}
                  onChange={(e) => set(field.name, e.target.value)}
                />
              )}
            </Field>
          );
        })}
        <button type="submit" className="usa-button margin-top-2" disabled={step.isPending}>
          {submit}
        </button>
      </form>
    </details>
  );
}
