import type { FormEvent, ReactNode } from 'react';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';

/**
 * The frame of an action form in the case file: its heading, what happened last (done, or the
 * error explained, with a reload after a 409) and the submit button; the fields are the caller's.
 */
export function ActionForm({
  id,
  heading,
  done,
  error,
  onReload,
  onSubmit,
  submitLabel,
  busy,
  children,
}: {
  id: string;
  heading: string;
  /** The success message, when the last submission succeeded. */
  done?: string;
  error: unknown;
  onReload: () => void;
  onSubmit: (e: FormEvent) => void;
  submitLabel: string;
  busy: boolean;
  children: ReactNode;
}) {
  return (
    <form
      className="usa-form usa-form--large margin-top-4"
      onSubmit={onSubmit}
      aria-labelledby={`${id}-heading`}
      noValidate
    >
      <h3 id={`${id}-heading`}>{heading}</h3>
      {done && (
        <Alert kind="success" slim>
          {done}
        </Alert>
      )}
      <ErrorAlert error={error} onReload={onReload} />
      {children}
      <button type="submit" className="usa-button margin-top-3" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
