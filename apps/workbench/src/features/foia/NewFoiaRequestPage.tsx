import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, idempotencyKey, ok } from '../../api/client';
import { isApiError } from '../../api/problem';
import { useMay } from '../../auth/may';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { NoAccess } from '../../app/NoAccess';
import { OPERATIONS, type ReceiveFoiaRequest } from './foia-api';
import { RecordsFieldset, recordsOf, type RecordDraft } from './RecordsFieldset';

/** The jurisdictions with an exemption catalog (EXEMPTION_CATALOGS; the API refuses any other). */
const JURISDICTIONS = ['federal', 'california'] as const;

/** Case ids as typed: one a line (commas and spaces also separate), blanks dropped, each once. */
export function caseIdsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

/** The request body's path of each field of the form (the server's field errors name these). */
const PATHS = {
  name: 'requester.name',
  email: 'requester.email',
  organization: 'requester.organization',
  description: 'description',
  caseIds: 'caseIds',
} as const;

interface Draft {
  name: string;
  email: string;
  organization: string;
  description: string;
  caseIds: string;
  jurisdiction: (typeof JURISDICTIONS)[number];
}

/**
 * Logging a public-records request as the API takes it: the requester (name, optional email and
 * organization), what is asked for, the cases and the law. The server's field errors appear
 * beside their fields and everything typed stays.
 */
export function NewFoiaRequestPage() {
  const { t } = useTranslation();
  const mayReceive = useMay(OPERATIONS.receive);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const summary = useRef<HTMLDivElement>(null);
  const [records, setRecords] = useState<RecordDraft[]>([]);
  const [draft, setDraft] = useState<Draft>({
    name: '',
    email: '',
    organization: '',
    description: '',
    caseIds: '',
    jurisdiction: 'federal',
  });
  const receive = useMutation({
    mutationFn: async (body: ReceiveFoiaRequest) =>
      ok(
        await api.POST('/api/v1/foia-requests', {
          body,
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
        }),
      ),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['foia-requests'] });
      await navigate(`/foia/${result.requestId}`);
    },
  });
  // A field's server error stands until that field is edited (or the form is sent again).
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const fieldErrors = isApiError(receive.error) ? receive.error.fieldErrors() : {};
  const err = (path: string) =>
    edited.has(path)
      ? undefined
      : (fieldErrors[path] ??
        Object.entries(fieldErrors).find(
          ([p]) => p.startsWith(`${path}.`) && /^\d+$/.test(p.slice(path.length + 1)),
        )?.[1]);

  useEffect(() => {
    if (receive.error) summary.current?.focus();
  }, [receive.error]);

  if (!mayReceive) return <NoAccess />;

  const set = (name: Exclude<keyof typeof draft, 'jurisdiction'>) => (e: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [name]: e.target.value }));
    setEdited((s) => new Set(s).add(PATHS[name]));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setEdited(new Set());
    const trim = (s: string) => s.trim() || undefined;
    receive.mutate({
      requester: {
        name: draft.name.trim(),
        ...(trim(draft.email) ? { email: trim(draft.email) } : {}),
        ...(trim(draft.organization) ? { organization: trim(draft.organization) } : {}),
      },
      description: draft.description.trim(),
      caseIds: caseIdsOf(draft.caseIds),
      ...(records.length > 0 ? { records: recordsOf(records) } : {}),
      jurisdiction: draft.jurisdiction,
    });
  };
  const fieldLabel = (path: string) => {
    const key = path.replace(/\.\d+$/, '');
    return [
      'requester.name',
      'requester.email',
      'requester.organization',
      'description',
      'caseIds',
      'records',
      'jurisdiction',
    ].includes(key)
      ? t(`foia.new.fieldLabels.${key}` as 'foia.new.fieldLabels.description')
      : undefined;
  };

  return (
    <>
      <p className="margin-top-0">
        <Link to="/foia">{t('foia.request.back')}</Link>
      </p>
      <PageTitle subtitle={t('foia.new.subtitle')}>{t('foia.new.title')}</PageTitle>
      <div ref={summary} tabIndex={-1} className="outline-0">
        <ErrorAlert error={receive.error} fieldLabel={fieldLabel} />
      </div>
      <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend text-bold">{t('foia.new.requester')}</legend>
          <Field label={t('foia.new.name')} required error={err('requester.name')}>
            <input className="usa-input" autoComplete="off" value={draft.name} onChange={set('name')} />
          </Field>
          <Field label={t('foia.new.email')} error={err('requester.email')}>
            <input
              className="usa-input"
              type="email"
              autoComplete="off"
              value={draft.email}
              onChange={set('email')}
            />
          </Field>
          <Field
            label={t('foia.new.organization')}
            hint={t('foia.new.organizationHint')}
            error={err('requester.organization')}
          >
            <input className="usa-input" value={draft.organization} onChange={set('organization')} />
          </Field>
        </fieldset>
        <Field
          label={t('foia.new.description')}
          hint={t('foia.new.descriptionHint')}
          required
          error={err('description')}
        >
          <textarea className="usa-textarea" value={draft.description} onChange={set('description')} />
        </Field>
        <Field label={t('foia.new.caseIds')} hint={t('foia.new.caseIdsHint')} error={err('caseIds')}>
          <textarea
            className="usa-textarea workbench-mono"
            rows={3}
            spellCheck={false}
            value={draft.caseIds}
            onChange={set('caseIds')}
          />
        </Field>
        <RecordsFieldset
          drafts={records}
          error={err}
          onChange={(next, path) => {
            setRecords(next);
            setEdited((s) => new Set(s).add(path));
          }}
        />
        <Field label={t('foia.new.jurisdiction')} required error={err('jurisdiction')}>
          <select
            className="usa-select"
            value={draft.jurisdiction}
            onChange={(e) =>
              setDraft((d) => ({ ...d, jurisdiction: e.target.value as Draft['jurisdiction'] }))
            }
          >
            {JURISDICTIONS.map((j) => (
              <option key={j} value={j}>
                {t(`foia.new.jurisdictions.${j}`)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="usa-button margin-top-3" disabled={receive.isPending}>
          {t('foia.new.submit')}
        </button>
      </form>
    </>
  );
}
