import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import type { RedactionEntry } from './foia-api';

/**
 * Releasing one withheld field needs a written justification (RedactionOverridden records it with
 * the officer): required here, and the server's refusal shown beside it. A personal field is
 * warned about first: privacy exemptions yield only to consent or an overriding public interest.
 */
export function OverrideForm({
  entry,
  busy,
  error,
  onSubmit,
  onCancel,
  onReload,
}: {
  entry: RedactionEntry;
  busy: boolean;
  error: unknown;
  onSubmit: (justification: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [justification, setJustification] = useState('');
  const [missing, setMissing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [entry.n]);
  const serverError = isApiError(error) ? error.fieldErrors().justification : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = justification.trim();
    setMissing(!text);
    if (text) onSubmit(text);
  };
  const id = `override-${entry.n}`;
  return (
    <form
      className="usa-form usa-form--large margin-top-2 foia-override"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-heading`}
    >
      <h5 id={`${id}-heading`} ref={heading} tabIndex={-1} className="outline-0 font-heading-md margin-y-1">
        {t('foia.review.overrideFor', { n: entry.n, path: entry.path })}
      </h5>
      {entry.classification === 'personal' && (
        <div className="usa-alert usa-alert--warning usa-alert--slim margin-y-1">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t('foia.review.personalWarning')}</p>
          </div>
        </div>
      )}
      <ErrorAlert error={serverError ? null : error} onReload={onReload} />
      <Field
        label={t('foia.review.justification')}
        hint={t('foia.review.justificationHint')}
        required
        error={missing ? t('foia.review.justificationRequired') : serverError}
      >
        <textarea
          className="usa-textarea"
          value={justification}
          onChange={(e) => setJustification(e.target.value)}
        />
      </Field>
      <div className="usa-button-group margin-top-2">
        <button type="submit" className="usa-button" disabled={busy}>
          {t('foia.review.confirmOverride')}
        </button>
        <button type="button" className="usa-button usa-button--unstyled" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
