import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { idempotencyKey, ifMatch } from '../../../../api/client';
import { isApiError, type ApiError } from '../../../../api/problem';
import { upload } from '../../../../api/transfer';
import { useFormat } from '../../../../i18n/format';
import { Alert } from '../../../../ui/Alert';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { Field } from '../../../../ui/Field';
import type { InvestigationView } from '../../case-file-tab';
import type { Employer } from '../../investigation';
import { readText } from '../../read-file';
import { useMayAct } from '../../tab-parts';
import { HOURS_CSV_COLUMNS, rowProblems } from './hours-csv';
import { RowErrors } from './RowErrors';

const RECORD = 'POST /api/v1/cases/{caseId}/investigation/hours-and-wages';
const SOURCES = ['employer_payroll', 'worker_records', 'investigator_reconstruction'] as const;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
/** The gateway's limit for one CSV upload (HOURS_CSV_MAX_BYTES). */
const CSV_MAX_BYTES = 768 * 1024;

interface Recorded {
  /** The new record set's id: its counts show in the investigation once it is read again. */
  id?: string;
}

/** The chosen file as read when chosen: the rows shown beside the errors are the rows sent. */
interface ChosenCsv {
  name: string;
  size: number;
  text: string;
}

/** The CSV upload of hours and wages; a refused file's rows come back beside their errors. */
export function UploadHours({
  caseId,
  investigation,
  employers,
  refresh,
}: {
  caseId: string;
  investigation: InvestigationView;
  employers: Employer[];
  refresh: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const mayRecord = useMayAct(RECORD, investigation);
  const fileRef = useRef<HTMLInputElement>(null);
  const [csv, setCsv] = useState<ChosenCsv | null>(null);
  const [readError, setReadError] = useState(false);
  // The form checks the file itself (noValidate): its message stands beside the field, in the
  // interface language, like the server's.
  const [missing, setMissing] = useState(false);
  const [source, setSource] = useState<(typeof SOURCES)[number]>('employer_payroll');
  const [employerId, setEmployerId] = useState('');
  const [workweekStart, setWorkweekStart] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const record = useMutation({
    mutationFn: (chosen: ChosenCsv) => {
      const query = new URLSearchParams({ source });
      if (employerId) query.set('employerId', employerId);
      if (workweekStart) query.set('workweekStart', workweekStart);
      setProgress(0);
      return upload<Recorded>({
        url: `/api/v1/cases/${caseId}/investigation/hours-and-wages?${query}`,
        operation: RECORD,
        contentType: 'text/csv; charset=utf-8',
        headers: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(investigation.version) },
        body: chosen.text,
        onProgress: setProgress,
      });
    },
    onSuccess: () => {
      // Recorded: the same file is not offered for a second upload (it would be a second record set).
      setCsv(null);
      if (fileRef.current) fileRef.current.value = '';
      refresh();
    },
    onSettled: () => setProgress(null),
  });
  if (!mayRecord) return null;

  const tooLarge = !!csv && csv.size > CSV_MAX_BYTES;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!csv);
    if (csv && !tooLarge) record.mutate(csv);
  };
  const problems =
    isApiError(record.error) && record.error.status === 422
      ? rowProblems(record.error.problem.errors ?? [])
      : [];
  const fieldErrors = isApiError(record.error) ? record.error.fieldErrors() : {};
  const percent = progress == null ? null : Math.round(progress * 100);
  const recorded = investigation.recordSets.find((r) => r.recordSetId === record.data?.id);

  return (
    <form
      className="usa-form usa-form--large margin-top-4 maxw-none"
      noValidate
      onSubmit={submit}
      aria-labelledby="hours-upload-heading"
    >
      <h3 id="hours-upload-heading">{t('hours.upload.heading')}</h3>
      <details className="margin-bottom-2">
        <summary>{t('hours.upload.formatSummary')}</summary>
        <p>{t('hours.upload.formatBody')}</p>
        <pre className="workbench-mono font-body-3xs bg-base-lightest padding-1">
          {HOURS_CSV_COLUMNS.join(',')}
          {'\nE-1,Ana Example,2025-03-02,10,10,10,10,10,0,0,10.00,50,,,,,,,2025-03-14'}
        </pre>
      </details>
      {record.isSuccess && (
        <Alert kind="success" slim>
          {recorded
            ? t('hours.upload.done', {
                records: f.number(recorded.records),
                workers: f.number(recorded.workers),
              })
            : t('hours.upload.doneShort')}
        </Alert>
      )}
      {problems.length > 0 && csv ? (
        <RowErrors text={csv.text} error={record.error as ApiError} />
      ) : (
        <ErrorAlert
          error={record.error}
          onReload={() => {
            record.reset();
            refresh();
          }}
        />
      )}
      <div className="grid-row grid-gap-2">
        <div className="tablet:grid-col-4">
          <Field label={t('hours.upload.source')} error={fieldErrors.source}>
            <select
              className="usa-select"
              name="source"
              value={source}
              onChange={(e) => setSource(e.target.value as typeof source)}
            >
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`hours.source.${s}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="tablet:grid-col-4">
          <Field
            label={t('hours.upload.employer')}
            hint={t('hours.upload.employerHint')}
            error={fieldErrors.employerId}
          >
            <select
              className="usa-select"
              name="employerId"
              value={employerId}
              onChange={(e) => setEmployerId(e.target.value)}
            >
              <option value="">{t('hours.upload.noEmployer')}</option>
              {employers.map((e) => (
                <option key={e.employerId} value={e.employerId}>
                  {e.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="tablet:grid-col-4">
          <Field
            label={t('hours.upload.workweekStart')}
            hint={t('hours.upload.workweekStartHint')}
            error={fieldErrors.workweekStart}
          >
            <select
              className="usa-select"
              name="workweekStart"
              value={workweekStart}
              onChange={(e) => setWorkweekStart(e.target.value)}
            >
              <option value="">{t('hours.upload.anyDay')}</option>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {t(`weekdays.${d}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </div>
      <Field
        label={t('hours.upload.file')}
        hint={t('hours.upload.fileHint')}
        error={
          missing
            ? t('hours.upload.chooseFile')
            : readError
              ? t('hours.upload.unreadable')
              : tooLarge
                ? t('hours.upload.tooLarge', { max: f.number(CSV_MAX_BYTES / 1024) })
                : fieldErrors['(body)']
        }
        required
      >
        <input
          ref={fileRef}
          type="file"
          className="usa-input"
          name="file"
          accept=".csv,text/csv"
          // Choosing the same file again after fixing it must count as a new choice.
          onClick={(e) => {
            e.currentTarget.value = '';
          }}
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            record.reset();
            setMissing(false);
            if (!chosen) return setCsv(null);
            readText(chosen).then(
              (text) => {
                setReadError(false);
                setCsv({ name: chosen.name, size: chosen.size, text });
              },
              () => {
                setCsv(null);
                setReadError(true);
              },
            );
          }}
        />
      </Field>
      {csv && (
        <p className="usa-hint margin-y-1">
          {t('hours.upload.chosen', { name: csv.name, size: f.number(csv.size / 1024, 1) })}
        </p>
      )}
      {percent != null && (
        <div className="margin-top-2">
          <label htmlFor="hours-progress" className="usa-label margin-top-0">
            {t('hours.upload.progress', { percent })}
          </label>
          <progress id="hours-progress" className="workbench-progress" max={100} value={percent} />
        </div>
      )}
      <button type="submit" className="usa-button margin-top-2" disabled={record.isPending || tooLarge}>
        {record.isPending ? t('hours.upload.sending') : t('hours.upload.submit')}
      </button>
    </form>
  );
}
