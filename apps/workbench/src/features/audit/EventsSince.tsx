import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from './audit-api';
import { useLabels } from './labels';
import { useInstantFormat } from './TimeControl';

/** The events recorded after the instant: how the case got from then to now, oldest first. */
export function EventsSince({ events }: { events: HistoryEntry[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const instant = useInstantFormat();
  if (events.length === 0) return <p>{t('audit.asOf.since.none')}</p>;
  return (
    <ol className="usa-list audit-events-since">
      {events.map((e) => (
        <li key={e.eventId}>
          <strong>{labels.event(e.type)}</strong>{' '}
          <span className="text-base-dark">
            {t('audit.asOf.since.line', {
              when: instant(e.recordedAt),
              service: labels.service(e.sourceService),
              who: e.actor.id,
              role: labels.role(e.actor.role),
            })}
          </span>
        </li>
      ))}
    </ol>
  );
}
