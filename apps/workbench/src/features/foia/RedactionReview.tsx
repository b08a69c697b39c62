import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { FoiaPackage, PackageRecord, RedactionEntry } from './foia-api';
import { OverrideForm } from './OverrideForm';
import { RedactionBox, useExemptionMeaning } from './RedactionBox';
import { NamedRecordRedactions } from './NamedRecordRedactions';

/** "JurisdictionAssessed" -> "Jurisdiction assessed": a record's type, readable. */
export const recordTypeLabel = (type: string) =>
  type.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/ ([A-Z])/g, (_, c: string) => ` ${c.toLowerCase()}`);

export interface OverrideControl {
  busy: boolean;
  error: unknown;
  submit: (entry: RedactionEntry, justification: string) => void;
  reset: () => void;
  onReload: () => void;
}

/**
 * Every redaction of a compiled package, grouped by case and record: where the field is, a box
 * for the withheld value (never the value), its exemption codes with what each withholds, and why
 * the field is withheld (its classification). With `override`, each withheld field can be
 * released with a justification.
 */
export function RedactionReview({ pkg, override }: { pkg: FoiaPackage; override?: OverrideControl }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  if (pkg.redactionLog.length === 0) return <p>{t('foia.review.none')}</p>;
  const byEvent = new Map<string, RedactionEntry[]>();
  for (const e of pkg.redactionLog)
    byEvent.set(`${e.caseId}|${e.eventId}`, [...(byEvent.get(`${e.caseId}|${e.eventId}`) ?? []), e]);
  return (
    <>
      <p>{t('foia.review.intro')}</p>
      {pkg.cases.map((c) => {
        const records = c.records.filter((r) => byEvent.has(`${c.caseId}|${r.eventId}`));
        if (records.length === 0) return null;
        return (
          <section key={c.caseId} aria-labelledby={`case-${c.caseId}`} className="margin-top-3">
            <h3 id={`case-${c.caseId}`}>
              {t('foia.review.case', { caseId: c.caseId })}{' '}
              <span className="font-body-xs text-normal text-base-dark">
                ({t(c.openAtCutoff ? 'foia.review.caseOpen' : 'foia.review.caseClosed')})
              </span>
            </h3>
            {records.map((r) => (
              <RecordRedactions
                key={r.eventId}
                record={r}
                entries={byEvent.get(`${c.caseId}|${r.eventId}`)!}
                exemptions={pkg.exemptions}
                open={open}
                setOpen={(n) => {
                  override?.reset();
                  setOpen(n);
                }}
                override={override}
              />
            ))}
          </section>
        );
      })}
      <NamedRecordRedactions pkg={pkg} />
    </>
  );
}

export function RecordRedactions({
  record,
  entries,
  exemptions,
  open,
  setOpen,
  override,
}: {
  record: PackageRecord;
  entries: RedactionEntry[];
  exemptions: Record<string, string>;
  open: number | null;
  setOpen: (n: number | null) => void;
  override?: OverrideControl;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const meaning = useExemptionMeaning(exemptions);
  const caption = t('foia.review.record', {
    what: recordTypeLabel(record.type),
    at: f.dateTime(record.recordedAt),
  });
  const selected = entries.find((e) => e.n === open);
  return (
    <div className="margin-top-2" data-testid="record-redactions" data-record-type={record.type}>
      <table className="usa-table usa-table--compact width-full margin-y-1">
        <caption>
          {caption}{' '}
          <span className="font-body-3xs text-normal text-base-dark">
            {t('foia.review.recordCount', { count: entries.length })}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('foia.review.field')}</th>
            <th scope="col">{t('foia.review.decision')}</th>
            <th scope="col">{t('foia.review.exemptions')}</th>
            <th scope="col">{t('foia.review.reason')}</th>
            {override && (
              <th scope="col">
                <span className="usa-sr-only">{t('foia.review.override')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.n} data-testid="redaction" data-path={e.path}>
              <td>
                <code className="foia-path">
                  {e.path.split('.').map((part, i) => (
                    <Fragment key={i}>
                      {i > 0 && (
                        <>
                          .<wbr />
                        </>
                      )}
                      {part}
                    </Fragment>
                  ))}
                </code>
              </td>
              <td>
                <RedactionBox entry={e} />
              </td>
              <td>
                <ul className="usa-list usa-list--unstyled">
                  {e.exemptions.map((code) => (
                    <li key={code}>
                      <b>{code}</b>: {meaning(code)}
                    </li>
                  ))}
                </ul>
              </td>
              <td>{t(`foia.reasons.${e.classification}` as 'foia.reasons.personal')}</td>
              {override && (
                <td>
                  {!e.released && (
                    <button
                      type="button"
                      className="usa-button usa-button--outline usa-button--small"
                      aria-expanded={open === e.n}
                      onClick={() => setOpen(open === e.n ? null : e.n)}
                    >
                      {t('foia.review.override')}
                      <span className="usa-sr-only"> {e.path}</span>
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {override && selected && !selected.released && (
        <Fragment key={selected.n}>
          <OverrideForm
            entry={selected}
            busy={override.busy}
            error={override.error}
            onSubmit={(justification) => override.submit(selected, justification)}
            onCancel={() => setOpen(null)}
            onReload={override.onReload}
          />
        </Fragment>
      )}
    </div>
  );
}
