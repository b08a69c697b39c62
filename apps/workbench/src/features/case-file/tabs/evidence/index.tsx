import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { idempotencyKey, ifMatch } from '../../../../api/client';
import { may } from '../../../../auth/may';
import { isApiError } from '../../../../api/problem';
import { download, upload } from '../../../../api/transfer';
import { useSession } from '../../../../auth/session';
import { useFormat } from '../../../../i18n/format';
import { Alert } from '../../../../ui/Alert';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { Field } from '../../../../ui/Field';
import { ServerTable } from '../../../../ui/ServerTable';
import type { CaseFileTab, CaseFileTabProps, InvestigationView } from '../../case-file-tab';
import { type Evidence } from '../../investigation';
import { readBase64 } from '../../read-file';
import { ClosedNotice, INVESTIGATION_READERS, NoInvestigationInTab, useMayAct } from '../../tab-parts';

const ATTACH = 'POST /api/v1/cases/{caseId}/investigation/evidence';
const CONTENT = 'GET /api/v1/cases/{caseId}/investigation/evidence/{evidenceId}/content';
/** The gateway's limit for one evidence file (EVIDENCE_MAX_BYTES_DEFAULT in @lse/contracts). */
export const EVIDENCE_MAX_BYTES = 512 * 1024;
const column = createColumnHelper<Evidence>();

/** Evidence files: each with its SHA-256 (computed by the server), downloadable; upload with progress. */
function EvidenceTab({ caseId, investigation, refresh }: CaseFileTabProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const role = useSession()?.actor.role;
  const mayDownload = may(role, CONTENT);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const evidence = investigation ? investigation.evidence : [];

  const columns = useMemo(
    () => [
      column.accessor('fileName', {
        header: t('evidence.columns.file'),
        cell: (c) => (
          <>
            {c.getValue() ?? <span className="text-base-dark">{t('evidence.unnamed')}</span>}
            {c.row.original.description && (
              <span className="display-block font-body-3xs text-base-dark">{c.row.original.description}</span>
            )}
          </>
        ),
      }),
      column.accessor('mediaType', {
        header: t('evidence.columns.type'),
        cell: (c) => <code>{c.getValue()}</code>,
      }),
      column.accessor('sizeBytes', {
        header: () => <span className="workbench-numeric display-block">{t('evidence.columns.size')}</span>,
        cell: (c) => (
          <span className="workbench-numeric display-block">
            {t('evidence.kb', { size: f.number(c.getValue() / 1024, 1) })}
          </span>
        ),
      }),
      column.accessor('sha256', {
        header: t('evidence.columns.sha256'),
        cell: (c) => (
          <span className="workbench-hash" data-testid="evidence-sha256">
            {c.getValue()}
          </span>
        ),
      }),
      column.display({
        id: 'download',
        header: () => <span className="usa-sr-only">{t('evidence.columns.download')}</span>,
        cell: (c) =>
          mayDownload ? (
            <button
              type="button"
              className="usa-button usa-button--unstyled"
              onClick={() => {
                const e = c.row.original;
                setDownloadError(null);
                download(
                  `/api/v1/cases/${caseId}/investigation/evidence/${e.evidenceId}/content`,
                  CONTENT,
                  e.fileName ?? `evidence-${e.sha256.slice(0, 12)}`,
                ).catch(setDownloadError);
              }}
            >
              {t('evidence.download')}
              <span className="usa-sr-only"> {c.row.original.fileName ?? c.row.original.sha256}</span>
            </button>
          ) : null,
      }),
    ],
    [t, f, caseId, mayDownload],
  );

  if (!investigation) return <NoInvestigationInTab />;
  return (
    <>
      <ClosedNotice investigation={investigation} />
      <ErrorAlert error={downloadError} />
      <ServerTable
        caption={t('evidence.caption')}
        columns={columns}
        rows={evidence}
        rowKey={(r) => r.evidenceId}
        empty={t('evidence.empty')}
      />
      <UploadEvidence caseId={caseId} investigation={investigation} refresh={refresh} />
    </>
  );
}

interface Uploaded {
  id?: string;
  result?: { sha256?: string };
}

/**
 * Sends the file as JSON with its bytes in base64 (the API's other form), so that its name, often
 * a person's ("maria-paystubs.pdf"), travels in the body and never in a URL or an access log.
 */
function UploadEvidence({
  caseId,
  investigation,
  refresh,
}: {
  caseId: string;
  investigation: InvestigationView;
  refresh: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const mayAttach = useMayAct(ATTACH, investigation);
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  // The form checks the file itself (noValidate): its message stands beside the field.
  const [missing, setMissing] = useState(false);
  const attach = useMutation({
    mutationFn: async (chosen: File) => {
      setProgress(0);
      const contentBase64 = await readBase64(chosen);
      return upload<Uploaded>({
        url: `/api/v1/cases/${caseId}/investigation/evidence`,
        operation: ATTACH,
        contentType: 'application/json',
        headers: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(investigation.version) },
        body: JSON.stringify({
          contentBase64,
          mediaType: (chosen.type || 'application/octet-stream').toLowerCase(),
          fileName: chosen.name,
          ...(description.trim() ? { description: description.trim() } : {}),
        }),
        onProgress: setProgress,
      });
    },
    onSuccess: () => {
      setFile(null);
      setDescription('');
      if (fileRef.current) fileRef.current.value = '';
      refresh();
    },
    onSettled: () => setProgress(null),
  });
  if (!mayAttach) return null;
  const errors = isApiError(attach.error) ? attach.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!file);
    if (!file || tooLarge) return;
    attach.mutate(file);
  };
  const percent = progress == null ? null : Math.round(progress * 100);

  return (
    <form
      className="usa-form usa-form--large margin-top-4"
      onSubmit={submit}
      noValidate
      aria-labelledby="evidence-upload-heading"
    >
      <h3 id="evidence-upload-heading">{t('evidence.upload.heading')}</h3>
      {attach.isSuccess && (
        <Alert kind="success" slim>
          {t('evidence.upload.done')} <span className="workbench-hash">{attach.data?.result?.sha256}</span>
        </Alert>
      )}
      <ErrorAlert
        error={attach.error}
        onReload={() => {
          attach.reset();
          refresh();
        }}
      />
      <Field
        label={t('evidence.upload.file')}
        hint={t('evidence.upload.fileHint', { max: f.number(EVIDENCE_MAX_BYTES / 1024) })}
        error={
          missing
            ? t('evidence.upload.chooseFile')
            : tooLarge
              ? t('evidence.upload.tooLarge', { max: f.number(EVIDENCE_MAX_BYTES / 1024) })
              : (errors.contentBase64 ?? errors.mediaType)
        }
        required
      >
        <input
          ref={fileRef}
          type="file"
          className="usa-input"
          name="file"
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setTooLarge(!!chosen && chosen.size > EVIDENCE_MAX_BYTES);
            setMissing(false);
            attach.reset();
          }}
        />
      </Field>
      <Field
        label={t('evidence.upload.description')}
        hint={t('evidence.upload.descriptionHint')}
        error={errors.description}
      >
        <textarea
          className="usa-textarea"
          name="description"
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </Field>
      {percent != null && (
        <div className="margin-top-2">
          <label htmlFor="evidence-progress" className="usa-label margin-top-0">
            {t('evidence.upload.progress', { percent })}
          </label>
          <progress id="evidence-progress" className="workbench-progress" max={100} value={percent} />
        </div>
      )}
      <button type="submit" className="usa-button margin-top-2" disabled={attach.isPending || tooLarge}>
        {attach.isPending ? t('evidence.upload.sending') : t('evidence.upload.submit')}
      </button>
    </form>
  );
}

export const tab: CaseFileTab = {
  id: 'evidence',
  order: 30,
  labelKey: 'caseFile.tabs.evidence',
  roles: INVESTIGATION_READERS,
  Component: EvidenceTab,
};
