import { useMemo, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../api/client';
import { isApiError } from '../../api/problem';
import { useMay } from '../../auth/may';
import { useFormat } from '../../i18n/format';
import { ActionForm } from '../case-file/ActionForm';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { ServerTable } from '../../ui/ServerTable';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { MEETING_KINDS, useMeetings, type Meeting, type MeetingBody, type PartnerView } from './partner-api';

const column = createColumnHelper<Meeting>();
const today = () => new Date().toISOString().slice(0, 10);

/** The meetings log ("get together regularly, even if there's no case") and the form that logs one. */
export function PartnerMeetings({ partner, refresh }: { partner: PartnerView; refresh: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const allowed = useMay('GET /api/v1/partners/{id}/meetings');
  const { cursor, pager } = useCursorPages(partner.id);
  const meetings = useMeetings(partner.id, cursor, allowed);
  const columns = useMemo(
    () => [
      column.accessor('heldOn', {
        header: t('partners.meetings.columns.heldOn'),
        cell: (c) => f.date(c.getValue()),
      }),
      column.accessor('kind', {
        header: t('partners.meetings.columns.kind'),
        cell: (c) => t(`partners.meetingKinds.${c.getValue()}`),
      }),
      column.accessor('agencyAttendees', {
        header: t('partners.meetings.columns.attendance'),
        cell: (c) =>
          t('partners.meetings.attendance', {
            agency: c.getValue(),
            partner: c.row.original.partnerAttendees,
          }),
      }),
      column.accessor('topics', {
        header: t('partners.meetings.columns.topics'),
        cell: (c) => c.getValue().join(' · '),
      }),
    ],
    [t, f],
  );
  if (!allowed) return null;
  return (
    <section aria-labelledby="meetings-heading" className="margin-top-4">
      <h2 id="meetings-heading">{t('partners.meetings.heading')}</h2>
      <ErrorAlert error={meetings.error} />
      <ServerTable
        caption={t('partners.meetings.caption')}
        orderNote={t('partners.meetings.order')}
        columns={columns}
        rows={meetings.data?.items ?? []}
        rowKey={(r) => r.id}
        empty={t('partners.meetings.empty')}
        loading={meetings.isFetching}
        page={pager(meetings.data?.nextCursor)}
      />
      {partner.status === 'active' && (
        <LogMeeting
          partner={partner}
          refresh={() => {
            refresh();
            void meetings.refetch();
          }}
        />
      )}
    </section>
  );
}

function LogMeeting({ partner, refresh }: { partner: PartnerView; refresh: () => void }) {
  const { t } = useTranslation();
  const mayLog = useMay('POST /api/v1/partners/{id}/meetings');
  const blank = {
    heldOn: today(),
    kind: 'relationship' as MeetingBody['kind'],
    agency: '1',
    partner: '1',
    topics: '',
  };
  const [form, setForm] = useState(blank);
  const log = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/api/v1/partners/{id}/meetings', {
          params: {
            path: { id: partner.id },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(partner.version) },
          },
          body: {
            heldOn: form.heldOn,
            kind: form.kind,
            agencyAttendees: Number(form.agency),
            partnerAttendees: Number(form.partner),
            topics: form.topics
              .split(/[\n;]+/)
              .map((s) => s.trim())
              .filter(Boolean),
          },
        }),
      ),
    onSuccess: () => {
      setForm(blank);
      refresh();
    },
  });
  if (!mayLog) return null;
  const errors = isApiError(log.error) ? log.error.fieldErrors() : {};
  const set = (k: keyof typeof blank) => (e: { currentTarget: { value: string } }) => {
    const v = e.currentTarget.value;
    setForm((x) => ({ ...x, [k]: v }));
  };
  return (
    <ActionForm
      id="log-meeting"
      heading={t('partners.meetings.form.heading')}
      done={log.isSuccess ? t('partners.meetings.form.done') : undefined}
      error={log.error}
      onReload={() => {
        log.reset();
        refresh();
      }}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        log.mutate();
      }}
      submitLabel={t('partners.meetings.form.submit')}
      busy={log.isPending}
    >
      <Field label={t('partners.meetings.form.heldOn')} error={errors.heldOn} required>
        <input className="usa-input" type="date" value={form.heldOn} onChange={set('heldOn')} />
      </Field>
      <Field label={t('partners.meetings.form.kind')} error={errors.kind} required>
        <select className="usa-select" value={form.kind} onChange={set('kind')}>
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`partners.meetingKinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('partners.meetings.form.agency')} error={errors.agencyAttendees} required>
        <input
          className="usa-input usa-input--small"
          inputMode="numeric"
          value={form.agency}
          onChange={set('agency')}
        />
      </Field>
      <Field label={t('partners.meetings.form.partner')} error={errors.partnerAttendees} required>
        <input
          className="usa-input usa-input--small"
          inputMode="numeric"
          value={form.partner}
          onChange={set('partner')}
        />
      </Field>
      <Field
        label={t('partners.meetings.form.topics')}
        hint={t('partners.meetings.form.topicsHint')}
        error={errors.topics}
      >
        <textarea className="usa-textarea" rows={3} value={form.topics} onChange={set('topics')} />
      </Field>
    </ActionForm>
  );
}
