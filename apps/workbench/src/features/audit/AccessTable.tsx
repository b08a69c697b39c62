import { useTranslation } from 'react-i18next';
import type { AccessEntry } from './audit-api';
import { useLabels } from './labels';
import { useInstantFormat } from './TimeControl';

/** Who read the case's records, what and when, oldest first, each with its link in the access chain. */
export function AccessTable({
  rows,
  total,
  loading,
}: {
  rows: AccessEntry[];
  total: number;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const instant = useInstantFormat();
  return (
    <div
      className="usa-table-container--scrollable"
      tabIndex={0}
      role="region"
      aria-labelledby="access-caption"
    >
      <table className="usa-table usa-table--compact usa-table--striped width-full">
        <caption id="access-caption">
          {t('audit.access.caption')}
          <span className="display-block font-body-2xs text-normal text-base-dark">
            {loading ? t('audit.loading') : t('audit.history.count', { shown: rows.length, total })}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.access.columns.when')}</th>
            <th scope="col">{t('audit.access.columns.who')}</th>
            <th scope="col">{t('audit.access.columns.what')}</th>
            <th scope="col">{t('audit.access.columns.chain')}</th>
          </tr>
        </thead>
        <tbody>
          {!loading && rows.length === 0 && (
            <tr>
              <td colSpan={4}>{t('audit.access.empty')}</td>
            </tr>
          )}
          {rows.map((a) => (
            <tr key={a.streamVersion}>
              <td>{instant(a.accessedAt)}</td>
              <td>
                <span className="display-block workbench-mono workbench-wrap">{a.actor.id}</span>
                <span className="display-block font-body-3xs text-base-dark">
                  {labels.role(a.actor.role)}
                  {a.actor.org ? ` · ${a.actor.org}` : ''}
                </span>
              </td>
              <td>
                <span className="display-block">{labels.resource(a.resource)}</span>
                <span className="display-block font-body-3xs text-base-dark workbench-mono">
                  {a.operation}
                </span>
                {a.subjectId && (
                  <span className="display-block font-body-3xs text-base-dark">
                    {t('audit.access.subject', { id: a.subjectId })}
                  </span>
                )}
              </td>
              <td>
                <span className="display-block font-body-3xs">
                  {t('audit.access.chain', { version: a.streamVersion, position: a.position })}
                </span>
                <span className="display-block font-body-3xs text-base-dark workbench-mono" title={a.hash}>
                  {a.hash.slice(0, 16)}…
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
