import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { NoAccess } from '../../app/NoAccess';
import { api, ok } from '../../api/client';
import { may } from '../../auth/may';
import { useSession } from '../../auth/session';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { UUID, VERIFY } from './audit-routes';
import type { IntegrityReport } from './audit-api';
import { CheckpointPanel } from './CheckpointPanel';
import { useInstantFormat } from './TimeControl';

/** /audit/integrity?caseId=: verify the hash chains of a case or the whole store; the signed checkpoint. */
export function IntegrityPage() {
  const role = useSession()?.actor.role;
  if (!may(role, VERIFY)) return <NoAccess />;
  return <Integrity />;
}

function Integrity() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const scopedCase = params.get('caseId') ?? '';
  const [scope, setScope] = useState<'store' | 'case'>(scopedCase ? 'case' : 'store');
  const [caseId, setCaseId] = useState(scopedCase);
  const [caseIdError, setCaseIdError] = useState(false);
  const verify = useMutation({
    mutationFn: async (target: string | undefined) => ({
      report: ok(
        await api.GET('/api/v1/integrity/verification', {
          params: { query: target ? { caseId: target } : {} },
        }),
      ),
      at: new Date().toISOString(),
    }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const target = scope === 'case' ? caseId.trim() : undefined;
    const bad = scope === 'case' && !UUID.test(target ?? '');
    setCaseIdError(bad);
    if (bad) return;
    setParams(target ? { caseId: target } : {}, { replace: true });
    verify.mutate(target);
  };

  return (
    <>
      <PageTitle subtitle={t('audit.integrity.subtitle')}>{t('audit.integrity.title')}</PageTitle>
      <section aria-labelledby="verify-heading">
        <h2 id="verify-heading">{t('audit.integrity.verify.heading')}</h2>
        <p className="measure-5">{t('audit.integrity.verify.explain')}</p>
        <form className="usa-form usa-form--large" onSubmit={submit} aria-labelledby="verify-heading">
          <fieldset className="usa-fieldset">
            <legend className="usa-legend">{t('audit.integrity.verify.scope')}</legend>
            {(['store', 'case'] as const).map((s) => (
              <div className="usa-radio" key={s}>
                <input
                  className="usa-radio__input"
                  id={`scope-${s}`}
                  type="radio"
                  name="scope"
                  value={s}
                  checked={scope === s}
                  onChange={() => setScope(s)}
                />
                <label className="usa-radio__label" htmlFor={`scope-${s}`}>
                  {t(`audit.integrity.verify.${s}`)}
                </label>
              </div>
            ))}
          </fieldset>
          {scope === 'case' && (
            <div className={`usa-form-group${caseIdError ? ' usa-form-group--error' : ''}`}>
              <label className="usa-label" htmlFor="verify-case">
                {t('audit.integrity.verify.caseId')}
              </label>
              <div className="usa-hint" id="verify-case-hint">
                {t('audit.integrity.verify.caseIdHint')}
              </div>
              {caseIdError && (
                <span className="usa-error-message" id="verify-case-error" role="alert">
                  {t('audit.integrity.verify.caseIdInvalid')}
                </span>
              )}
              <input
                id="verify-case"
                className="usa-input workbench-mono"
                value={caseId}
                onChange={(e) => setCaseId(e.target.value)}
                aria-describedby={`verify-case-hint${caseIdError ? ' verify-case-error' : ''}`}
                aria-invalid={caseIdError || undefined}
                spellCheck={false}
                autoComplete="off"
              />
            </div>
          )}
          <button type="submit" className="usa-button margin-top-2" disabled={verify.isPending}>
            {verify.isPending ? t('audit.integrity.verify.running') : t('audit.integrity.verify.run')}
          </button>
        </form>
        <ErrorAlert error={verify.error} />
        {verify.data && <VerificationResult report={verify.data.report} ranAt={verify.data.at} />}
      </section>
      <CheckpointPanel />
    </>
  );
}

function VerificationResult({ report, ranAt }: { report: IntegrityReport; ranAt: string }) {
  const { t } = useTranslation();
  const instant = useInstantFormat();
  const scope =
    report.scope === 'case'
      ? t('audit.integrity.result.ofCase', { caseId: report.caseId })
      : t('audit.integrity.result.ofStore');
  const counts = t('audit.integrity.result.counts', {
    events: report.eventsChecked,
    streams: report.streamsChecked,
    when: instant(ranAt),
  });
  return (
    <>
      {report.ok ? (
        <Alert kind="success" heading={t('audit.integrity.result.ok', { scope })}>
          <p>{counts}</p>
        </Alert>
      ) : (
        <Alert kind="error" heading={t('audit.integrity.result.broken', { scope })}>
          <p>{counts}</p>
          {report.firstBroken && (
            <p>
              {t('audit.integrity.result.firstBroken', {
                problem: t(`audit.integrity.problems.${report.firstBroken.problem}`, {
                  defaultValue: report.firstBroken.problem,
                }),
                stream: report.firstBroken.streamId,
                version: report.firstBroken.streamVersion,
                position: report.firstBroken.globalPosition ?? '—',
              })}
            </p>
          )}
        </Alert>
      )}
      <p>
        {report.checkpoint
          ? t('audit.integrity.result.checkpoint', {
              position: report.checkpoint.position,
              root: report.checkpoint.merkleRoot,
              when: instant(report.checkpoint.takenAt),
            })
          : t('audit.integrity.result.noCheckpoint')}
      </p>
      {report.scope === 'case' && report.caseId && (
        <p>
          <Link to={`/audit/cases/${report.caseId}/history`}>{t('audit.integrity.result.history')}</Link>
        </p>
      )}
    </>
  );
}
