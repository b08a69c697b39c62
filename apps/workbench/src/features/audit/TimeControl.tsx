import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fromLocalInput, stopIndexAt, toLocalInput, type Stop } from './instants';
import type { HistoryEntry } from './audit-api';
import { useEventLabel } from './labels';

/** Instants to the millisecond: a case's events are often recorded within the same second. */
export function useInstantFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'es' ? 'es-US' : 'en-US';
  const fmt = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
  return (iso: string) => {
    const d = new Date(iso);
    return `${fmt.format(d)} (+${String(d.getMilliseconds()).padStart(3, '0')} ms)`;
  };
}

/**
 * The time control: a slider that snaps to the instants the case's events were recorded
 * (arrow keys step one event, Home and End go to the first and the latest), buttons for the
 * event before and after, and a date-time field for any instant in between.
 */
export function TimeControl({
  stops,
  at,
  onChange,
}: {
  stops: Stop<HistoryEntry>[];
  at: string;
  onChange: (at: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const instant = useInstantFormat();
  const eventLabel = useEventLabel();
  const index = stopIndexAt(stops, at);
  const last = stops.length - 1;
  const [typed, setTyped] = useState(() => toLocalInput(at));
  const [typedError, setTypedError] = useState(false);
  useEffect(() => {
    setTyped(toLocalInput(at));
    setTypedError(false);
  }, [at]);
  const stop = index >= 0 ? stops[index] : undefined;
  const describe = (i: number) => {
    const s = stops[i]!;
    return t('audit.asOf.control.position', {
      n: i + 1,
      total: stops.length,
      when: instant(s.at),
      events: s.events.map((e) => eventLabel(e.type)).join(', '),
    });
  };
  // Every control moves to a stop that exists (the buttons are disabled at the ends).
  const go = (i: number) => onChange(stops[Math.min(Math.max(i, 0), last)]!.at);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const iso = fromLocalInput(typed);
    setTypedError(!iso);
    if (iso) onChange(iso);
  };
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <section className="audit-time-control" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="margin-top-0 font-body-md">
        {t('audit.asOf.control.heading')}
      </h2>
      <label className="usa-label margin-top-0" htmlFor={`${id}-slider`}>
        {t('audit.asOf.control.slider')}
      </label>
      <div className="usa-hint" id={`${id}-slider-hint`}>
        {t('audit.asOf.control.sliderHint')}
      </div>
      <input
        id={`${id}-slider`}
        className="usa-range audit-time-control__slider"
        type="range"
        min={0}
        max={Math.max(last, 0)}
        step={1}
        value={Math.max(index, 0)}
        disabled={stops.length < 2}
        aria-describedby={`${id}-slider-hint ${id}-now`}
        aria-valuetext={stop ? describe(index) : t('audit.asOf.control.beforeFirst')}
        onChange={(e) => go(Number(e.target.value))}
      />
      <ol className="audit-time-control__ticks" aria-hidden="true">
        {stops.map((s, i) => (
          <li
            key={s.at}
            className={i <= index ? 'audit-time-control__tick--past' : undefined}
            style={{ left: last > 0 ? `${(i / last) * 100}%` : '0' }}
          />
        ))}
      </ol>
      <p id={`${id}-now`} className="audit-time-control__now" aria-live="polite">
        {stop ? describe(index) : t('audit.asOf.control.beforeFirst')}
      </p>
      <div className="usa-button-group margin-bottom-2">
        <button
          type="button"
          className="usa-button usa-button--outline"
          disabled={index <= 0}
          onClick={() => go(index - 1)}
        >
          {t('audit.asOf.control.previous')}
        </button>
        <button
          type="button"
          className="usa-button usa-button--outline"
          disabled={index >= last}
          onClick={() => go(index + 1)}
        >
          {t('audit.asOf.control.next')}
        </button>
        <button
          type="button"
          className="usa-button usa-button--unstyled padding-x-1"
          disabled={index === last}
          onClick={() => go(last)}
        >
          {t('audit.asOf.control.latest')}
        </button>
      </div>
      <form
        className="audit-time-control__typed"
        onSubmit={submit}
        aria-label={t('audit.asOf.control.typedForm')}
      >
        <div className={`usa-form-group margin-top-0${typedError ? ' usa-form-group--error' : ''}`}>
          <label className="usa-label margin-top-0" htmlFor={`${id}-typed`}>
            {t('audit.asOf.control.typed')}
          </label>
          <div className="usa-hint" id={`${id}-typed-hint`}>
            {t('audit.asOf.control.typedHint', { zone })}
          </div>
          {typedError && (
            <span className="usa-error-message" id={`${id}-typed-error`} role="alert">
              {t('audit.asOf.control.typedInvalid')}
            </span>
          )}
          <input
            id={`${id}-typed`}
            className="usa-input"
            type="datetime-local"
            step="0.001"
            value={typed}
            aria-describedby={`${id}-typed-hint${typedError ? ` ${id}-typed-error` : ''}`}
            aria-invalid={typedError || undefined}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <button type="submit" className="usa-button">
          {t('audit.asOf.control.go')}
        </button>
      </form>
    </section>
  );
}
