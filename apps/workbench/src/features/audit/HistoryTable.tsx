import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HistoryEntry } from './audit-api';
import { useLabels } from './labels';
import { useInstantFormat } from './TimeControl';

/**
 * The case's events in the order the store recorded them, each with its place in the hash
 * chains: the global position and the stream's version (the link `verify` checks), and a link
 * to the case as it was right after it.
 */
export function HistoryTable({
  rows,
  total,
  loading,
  caseId,
}: {
  rows: HistoryEntry[];
  total: number;
  loading: boolean;
  caseId: string;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const instant = useInstantFormat();
  return (
    <div
      className="usa-table-container--scrollable"
      tabIndex={0}
      role="region"
      aria-labelledby="history-caption"
    >
      <table className="usa-table usa-table--compact usa-table--striped width-full">
        <caption id="history-caption">
          {t('audit.history.caption')}
          <span className="display-block font-body-2xs text-normal text-base-dark">
            {loading ? t('audit.loading') : t('audit.history.count', { shown: rows.length, total })}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.history.columns.position')}</th>
            <th scope="col">{t('audit.history.columns.chain')}</th>
            <th scope="col">{t('audit.history.columns.when')}</th>
            <th scope="col">{t('audit.history.columns.event')}</th>
            <th scope="col">{t('audit.history.columns.service')}</th>
            <th scope="col">{t('audit.history.columns.actor')}</th>
          </tr>
        </thead>
        <tbody>
          {!loading && rows.length === 0 && (
            <tr>
              <td colSpan={6}>{t('audit.history.empty')}</td>
            </tr>
          )}
          {rows.map((e) => (
            <tr key={e.eventId}>
              <td className="workbench-numeric">{e.position}</td>
              <td>
                {/* The stream id is `<category>-<case id>`: the case id is the page's own. */}
                <span className="display-block workbench-mono font-body-3xs" title={e.streamId}>
                  {e.streamId === `${e.category}-${caseId}` ? e.category : e.streamId}
                </span>
                <span className="display-block font-body-3xs text-base-dark">
                  {t('audit.history.version', { version: e.streamVersion })}
                </span>
              </td>
              <td>
                <Link to={`/audit/cases/${caseId}/as-of?at=${encodeURIComponent(e.recordedAt)}`}>
                  {instant(e.recordedAt)}
                </Link>
                {/* When the command said it happened, if that is not when it was recorded. */}
                {Math.abs(Date.parse(e.occurredAt) - Date.parse(e.recordedAt)) >= 1000 && (
                  <span className="display-block font-body-3xs text-base-dark">
                    {t('audit.history.occurred', { when: e.occurredAt })}
                  </span>
                )}
              </td>
              <td>{labels.event(e.type)}</td>
              <td>{labels.service(e.sourceService)}</td>
              <td>
                <span className="display-block workbench-mono workbench-wrap">{e.actor.id}</span>
                <span className="display-block font-body-3xs text-base-dark">
                  {labels.role(e.actor.role)}
                  {e.actor.org ? ` · ${e.actor.org}` : ''}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
