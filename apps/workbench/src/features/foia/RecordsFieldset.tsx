import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import type { ReceiveFoiaRequest } from './foia-api';

/** The records a request can name besides cases (the API's `records`, one kind each). */
export const RECORD_KINDS = [
  'agreement',
  'partner_agreements',
  'referral_statistics',
  'disclosure_ledger',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** One named record as typed: the id is the agreement's or the partner organization's. */
export interface RecordDraft {
  kind: RecordKind;
  id: string;
  from: string;
  to: string;
}

export const emptyRecord = (): RecordDraft => ({ kind: 'agreement', id: '', from: '', to: '' });

const hasPeriod = (kind: RecordKind) => kind === 'referral_statistics' || kind === 'disclosure_ledger';

/** The request body's `records` from the rows typed (absent when none). */
export function recordsOf(drafts: readonly RecordDraft[]): ReceiveFoiaRequest['records'] {
  if (drafts.length === 0) return undefined;
  return drafts.map((d) => {
    const id = d.id.trim();
    switch (d.kind) {
      case 'agreement':
        return { kind: d.kind, agreementId: id };
      case 'partner_agreements':
        return { kind: d.kind, partnerId: id };
      default:
        return { kind: d.kind, partnerId: id, from: d.from, to: d.to };
    }
  });
}

/**
 * The "other records" part of a new request: agreements (one, or every agreement of a partner
 * organization), a partner's referral statistics or its disclosure ledger for a period. Each
 * row's server errors (`records.<i>.<field>`) appear beside its fields.
 */
export function RecordsFieldset({
  drafts,
  onChange,
  error,
}: {
  drafts: RecordDraft[];
  onChange: (drafts: RecordDraft[], path: string) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const update = (i: number, change: Partial<RecordDraft>, field: string) =>
    onChange(
      drafts.map((d, j) => (j === i ? { ...d, ...change } : d)),
      `records.${i}.${field}`,
    );
  return (
    <fieldset className="usa-fieldset margin-top-3">
      <legend className="usa-legend text-bold">{t('foia.new.records.legend')}</legend>
      <p className="usa-hint">{t('foia.new.records.hint')}</p>
      {drafts.map((d, i) => {
        const idField = d.kind === 'agreement' ? 'agreementId' : 'partnerId';
        return (
          <fieldset key={i} className="usa-fieldset border-1px border-base-lighter padding-2 margin-top-2">
            <legend className="usa-legend">{t('foia.new.records.row', { n: i + 1 })}</legend>
            <Field label={t('foia.new.records.kind')} error={error(`records.${i}.kind`)}>
              <select
                className="usa-select"
                value={d.kind}
                onChange={(e) => update(i, { kind: e.target.value as RecordKind }, 'kind')}
              >
                {RECORD_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`foia.new.records.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={t(
                d.kind === 'agreement' ? 'foia.new.records.agreementId' : 'foia.new.records.partnerId',
              )}
              required
              error={error(`records.${i}.${idField}`) ?? error(`records.${i}`)}
            >
              <input
                className="usa-input workbench-mono"
                spellCheck={false}
                value={d.id}
                onChange={(e) => update(i, { id: e.target.value }, idField)}
              />
            </Field>
            {hasPeriod(d.kind) && (
              <>
                <Field label={t('foia.new.records.from')} required error={error(`records.${i}.from`)}>
                  <input
                    className="usa-input"
                    type="date"
                    value={d.from}
                    onChange={(e) => update(i, { from: e.target.value }, 'from')}
                  />
                </Field>
                <Field label={t('foia.new.records.to')} required error={error(`records.${i}.to`)}>
                  <input
                    className="usa-input"
                    type="date"
                    value={d.to}
                    onChange={(e) => update(i, { to: e.target.value }, 'to')}
                  />
                </Field>
              </>
            )}
            <button
              type="button"
              className="usa-button usa-button--unstyled margin-top-2"
              onClick={() =>
                onChange(
                  drafts.filter((_, j) => j !== i),
                  'records',
                )
              }
            >
              {t('foia.new.records.remove', { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="usa-button usa-button--outline margin-top-2"
        onClick={() => onChange([...drafts, emptyRecord()], 'records')}
      >
        {t('foia.new.records.add')}
      </button>
    </fieldset>
  );
}

/** The records a received request names besides cases, one a line (the request page's facts). */
export function RequestedRecordList({ records }: { records: NonNullable<ReceiveFoiaRequest['records']> }) {
  const { t } = useTranslation();
  return (
    <ul className="usa-list usa-list--unstyled" data-testid="requested-records">
      {records.map((r) => (
        <li key={r.kind === 'agreement' ? `a-${r.agreementId}` : `${r.kind}-${r.partnerId}`}>
          {r.kind === 'agreement' || r.kind === 'partner_agreements'
            ? t(`foia.request.recordItems.${r.kind}`, {
                id: r.kind === 'agreement' ? r.agreementId : r.partnerId,
              })
            : t(`foia.request.recordItems.${r.kind}`, { id: r.partnerId, from: r.from, to: r.to })}
        </li>
      ))}
    </ul>
  );
}
