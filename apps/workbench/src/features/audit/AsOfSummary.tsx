import { useTranslation } from 'react-i18next';
import type { CaseState } from './audit-api';
import { useInstantFormat } from './TimeControl';

/**
 * The instant's verdict at a glance: how much of the case existed then, whether it was open,
 * whether the hash chains of everything recorded by then hold, and how much has changed since.
 */
export function AsOfSummary({
  at,
  state,
  records,
  since,
  counts,
  stale,
}: {
  at: string;
  state: CaseState;
  /** The case's own records (its streams but the reads of it). */
  records: CaseState['streams'];
  since: number;
  counts: { added: number; changed: number; removed: number };
  stale: boolean;
}) {
  const { t } = useTranslation();
  const instant = useInstantFormat();
  const broken = state.chain.ok
    ? undefined
    : (state.chain.firstBroken as
        { streamId?: string; streamVersion?: number; problem?: string } | undefined);
  return (
    <div className={`usa-summary-box audit-summary${stale ? ' audit-summary--stale' : ''}`} aria-busy={stale}>
      <div className="usa-summary-box__body">
        <h2 className="usa-summary-box__heading">{t('audit.asOf.summary.heading', { when: instant(at) })}</h2>
        <div className="usa-summary-box__text">
          <dl className="audit-summary__facts">
            <div>
              <dt>{t('audit.asOf.summary.events')}</dt>
              <dd>{records.reduce((n, s) => n + s.version, 0)}</dd>
            </div>
            <div>
              <dt>{t('audit.asOf.summary.streams')}</dt>
              <dd>{records.length}</dd>
            </div>
            <div>
              <dt>{t('audit.asOf.summary.case')}</dt>
              <dd>{state.open ? t('audit.asOf.summary.open') : t('audit.asOf.summary.closed')}</dd>
            </div>
            <div>
              <dt>{t('audit.asOf.summary.chain')}</dt>
              <dd>
                {broken
                  ? t('audit.asOf.summary.chainBroken', {
                      stream: broken.streamId ?? '?',
                      version: broken.streamVersion ?? '?',
                      problem: broken.problem ?? '?',
                    })
                  : t('audit.asOf.summary.chainOk')}
              </dd>
            </div>
          </dl>
          <p className="margin-bottom-0">
            {since === 0
              ? t('audit.asOf.summary.current')
              : t('audit.asOf.summary.changedSince', {
                  count: since,
                  added: counts.added,
                  changed: counts.changed,
                  removed: counts.removed,
                })}
          </p>
          {stale && <p className="margin-bottom-0 text-italic">{t('audit.asOf.summary.updating')}</p>}
        </div>
      </div>
    </div>
  );
}
