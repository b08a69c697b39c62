import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import { useMay } from '../../auth/may';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import {
  foiaRequestKey,
  instantOf,
  localInputOf,
  OPERATIONS,
  type CompiledPackage,
  type FoiaRequestView,
  type RedactionEntry,
} from './foia-api';
import { RedactionReview } from './RedactionReview';

/**
 * Compile as of a cut-off (kept in the URL: a reload offers the same one, it does not compile by
 * itself, since every compilation is recorded), review the redactions, release withheld fields with a
 * justification (the package is compiled again at the same cut-off so the review shows it), and
 * release the package after a confirmation.
 */
export function PackageReview({ requestId, view }: { requestId: string; view: FoiaRequestView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const mayOverride = useMay(OPERATIONS.override);
  const mayRelease = useMay(OPERATIONS.release);
  const urlCutoff = params.get('cutoff');
  // The cut-off in the URL, else the last one compiled, else now.
  const [cutoffInput, setCutoffInput] = useState(() =>
    localInputOf(
      (urlCutoff && instantOf(urlCutoff)) ?? view.compilations.at(-1)?.cutoff ?? new Date().toISOString(),
    ),
  );
  const [cutoffMissing, setCutoffMissing] = useState(false);
  const [overridden, setOverridden] = useState<number | null>(null);
  const refreshRequest = () => queryClient.invalidateQueries({ queryKey: foiaRequestKey(requestId) });

  const compile = useMutation({
    mutationFn: async (cutoff: string): Promise<CompiledPackage> =>
      ok(
        await api.POST('/api/v1/foia-requests/{requestId}/compilations', {
          params: { path: { requestId } },
          body: { cutoff },
        }),
      ),
    onSuccess: async (result) => {
      setParams({ cutoff: result.package.cutoff }, { replace: true });
      await refreshRequest();
    },
  });
  const compiled = compile.data;

  const override = useMutation({
    mutationFn: async ({ entry, justification }: { entry: RedactionEntry; justification: string }) => {
      // The review offers overrides for a case's fields only (a named record's have no case).
      if (!entry.caseId || !entry.eventId) throw new Error(`redaction #${entry.n} is not of a case record`);
      ok(
        await api.POST('/api/v1/foia-requests/{requestId}/overrides', {
          params: { path: { requestId } },
          body: { caseId: entry.caseId, eventId: entry.eventId, path: entry.path, justification },
        }),
      );
      return entry;
    },
    onSuccess: async (entry) => {
      setOverridden(entry.n);
      if (compiled) await compile.mutateAsync(compiled.package.cutoff);
    },
  });

  const submitCompile = (e: FormEvent) => {
    e.preventDefault();
    const cutoff = instantOf(cutoffInput);
    setCutoffMissing(!cutoff);
    setOverridden(null);
    if (cutoff) compile.mutate(cutoff);
  };

  return (
    <>
      <form
        className="usa-form margin-top-4"
        onSubmit={submitCompile}
        noValidate
        aria-labelledby="compile-heading"
      >
        <h2 id="compile-heading">{t('foia.compile.heading')}</h2>
        <Field
          label={t('foia.compile.cutoff')}
          hint={t('foia.compile.cutoffHint')}
          required
          error={cutoffMissing ? t('foia.compile.cutoffRequired') : undefined}
        >
          <input
            className="usa-input"
            type="datetime-local"
            step={1}
            value={cutoffInput}
            onChange={(e) => setCutoffInput(e.target.value)}
          />
        </Field>
        <button type="submit" className="usa-button margin-top-2" disabled={compile.isPending}>
          {compile.isPending ? t('foia.compile.compiling') : t('foia.compile.submit')}
        </button>
      </form>
      <ErrorAlert error={compile.error} onReload={() => void refreshRequest()} />
      {compiled && (
        <section
          aria-labelledby="review-heading"
          className="margin-top-4"
          aria-busy={compile.isPending || undefined}
        >
          <p role="status" data-testid="compile-summary">
            {t('foia.compile.summary', {
              cutoff: f.dateTime(compiled.package.cutoff),
              records: f.number(compiled.package.summary.records),
              withheld: f.number(compiled.package.summary.withheld),
              released: f.number(compiled.package.summary.released),
            })}
          </p>
          <dl className="workbench-facts">
            <dt>{t('foia.compile.digest')}</dt>
            <dd className="workbench-hash">{compiled.sha256}</dd>
          </dl>
          {compiled.warnings.length > 0 && (
            <Alert kind="warning" heading={t('foia.compile.warnings')} headingLevel="h3">
              <ul>
                {compiled.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </Alert>
          )}
          {overridden !== null && (
            <Alert kind="success" slim>
              {t('foia.review.overridden', { n: overridden })}
            </Alert>
          )}
          <h2 id="review-heading">{t('foia.review.heading')}</h2>
          <RedactionReview
            pkg={compiled.package}
            override={
              mayOverride
                ? {
                    busy: override.isPending || compile.isPending,
                    error: override.error,
                    submit: (entry, justification) => {
                      setOverridden(null);
                      override.mutate({ entry, justification });
                    },
                    reset: () => override.reset(),
                    onReload: () => void refreshRequest(),
                  }
                : undefined
            }
          />
        </section>
      )}
      {mayRelease && <ReleasePanel requestId={requestId} compiled={compiled} onReleased={refreshRequest} />}
    </>
  );
}

function ReleasePanel({
  requestId,
  compiled,
  onReleased,
}: {
  requestId: string;
  compiled: CompiledPackage | undefined;
  onReleased: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [confirming, setConfirming] = useState(false);
  // An installment keeps the request open for more releases; the final release closes it.
  const [final, setFinal] = useState(true);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);
  const release = useMutation({
    mutationFn: async (cutoff: string) =>
      ok(
        await api.POST('/api/v1/foia-requests/{requestId}/release', {
          params: { path: { requestId } },
          body: { cutoff, final },
        }),
      ),
    onSuccess: onReleased,
  });
  const cutoff = compiled ? f.dateTime(compiled.package.cutoff) : '';
  return (
    <section aria-labelledby="release-heading" className="margin-top-4">
      <h2 id="release-heading">{t('foia.release.heading')}</h2>
      {!compiled ? (
        <p>{t('foia.release.compileFirst')}</p>
      ) : (
        <>
          <p>{t('foia.release.intro', { cutoff })}</p>
          <ErrorAlert error={release.error} onReload={() => void onReleased()} />
          <fieldset className="usa-fieldset margin-bottom-2">
            <legend className="usa-legend">{t('foiaLife.release.kind')}</legend>
            {([true, false] as const).map((value) => (
              <div className="usa-radio" key={String(value)}>
                <input
                  className="usa-radio__input"
                  type="radio"
                  id={`release-final-${value}`}
                  name="release-final"
                  checked={final === value}
                  onChange={() => setFinal(value)}
                />
                <label className="usa-radio__label" htmlFor={`release-final-${value}`}>
                  {t(value ? 'foiaLife.release.final' : 'foiaLife.release.installment')}
                </label>
              </div>
            ))}
          </fieldset>
          {!confirming ? (
            <button
              type="button"
              className="usa-button usa-button--secondary"
              onClick={() => setConfirming(true)}
            >
              {t('foia.release.start')}
            </button>
          ) : (
            <div className="usa-summary-box" role="group" aria-labelledby="release-confirm-heading">
              <h3
                id="release-confirm-heading"
                ref={confirmHeading}
                tabIndex={-1}
                className="usa-summary-box__heading outline-0"
              >
                {t('foia.release.confirmHeading', { cutoff })}
              </h3>
              <p>
                {t('foia.release.confirmBody', {
                  records: f.number(compiled.package.summary.records),
                  withheld: f.number(compiled.package.summary.withheld),
                  released: f.number(compiled.package.summary.released),
                })}
              </p>
              <button
                type="button"
                className="usa-button usa-button--secondary"
                disabled={release.isPending}
                onClick={() => release.mutate(compiled.package.cutoff)}
              >
                {t('foia.release.confirm')}
              </button>
              <button
                type="button"
                className="usa-button usa-button--unstyled"
                onClick={() => setConfirming(false)}
              >
                {t('common.cancel')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
