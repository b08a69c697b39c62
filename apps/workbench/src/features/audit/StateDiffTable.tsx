import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { Change, StreamDiff } from './state-diff';
import { valueText } from './value-text';
import { useLabels } from './labels';

/** A field's path, breakable after each dot (never inside a name). */
function PathText({ path }: { path: string }) {
  const parts = path.split('.');
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              .<wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}

/** The USWDS tag of a change: words, not only colour. */
export function ChangeTag({ change }: { change: Change }) {
  const { t } = useTranslation();
  if (change === 'unchanged')
    return <span className="text-base-dark">{t('audit.asOf.change.unchanged')}</span>;
  return <span className={`usa-tag audit-tag audit-tag--${change}`}>{t(`audit.asOf.change.${change}`)}</span>;
}

/**
 * One stream of the case as it was at the instant beside what it is now: every field that has
 * been added, changed or removed since (every field with `showUnchanged`), marked in words.
 */
export function StateDiffTable({ stream, showUnchanged }: { stream: StreamDiff; showUnchanged: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const words = {
    empty: t('audit.asOf.value.empty'),
    emptyList: t('audit.asOf.value.emptyList'),
    yes: t('audit.asOf.value.yes'),
    no: t('audit.asOf.value.no'),
  };
  const rows = showUnchanged ? stream.fields : stream.fields.filter((x) => x.change !== 'unchanged');
  const headingId = `stream-${stream.streamId}`;
  const Value = ({ path, value }: { path: string; value: unknown }) => {
    const v = valueText(path, value, f, words);
    return (
      <>
        <span className="workbench-wrap">{v.text}</span>
        {v.stored && v.stored !== v.text && (
          <span className="display-block font-body-3xs text-base-dark workbench-mono">{v.stored}</span>
        )}
      </>
    );
  };
  return (
    <section className={`audit-stream audit-stream--${stream.change}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="margin-bottom-05">
        {labels.category(stream.category)} <ChangeTag change={stream.change} />
      </h3>
      <p className="margin-top-0 font-body-2xs text-base-dark">
        <span className="workbench-mono">{stream.streamId}</span>
        {' · '}
        {stream.change === 'added'
          ? t('audit.asOf.stream.began', { now: stream.versionNow })
          : t('audit.asOf.stream.versions', { then: stream.versionThen, now: stream.versionNow })}
      </p>
      {rows.length === 0 ? (
        <p>{t('audit.asOf.stream.noChange')}</p>
      ) : (
        <div
          className="usa-table-container--scrollable"
          tabIndex={0}
          role="region"
          aria-labelledby={headingId}
        >
          <table className="usa-table usa-table--compact audit-diff">
            <caption className="usa-sr-only">
              {t('audit.asOf.stream.caption', { stream: labels.category(stream.category) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.asOf.columns.field')}</th>
                <th scope="col">{t('audit.asOf.columns.then')}</th>
                <th scope="col">{t('audit.asOf.columns.now')}</th>
                <th scope="col">{t('audit.asOf.columns.since')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.path} className={`audit-diff__row--${row.change}`}>
                  <th scope="row" className="audit-path font-body-2xs text-normal">
                    {row.path ? <PathText path={row.path} /> : t('audit.asOf.value.whole')}
                  </th>
                  <td>
                    {'then' in row ? (
                      <Value path={row.path} value={row.then} />
                    ) : (
                      <span className="text-base-dark">{t('audit.asOf.value.absent')}</span>
                    )}
                  </td>
                  <td>
                    {'now' in row ? (
                      <Value path={row.path} value={row.now} />
                    ) : (
                      <span className="text-base-dark">{t('audit.asOf.value.absent')}</span>
                    )}
                  </td>
                  <td>
                    <ChangeTag change={row.change} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
