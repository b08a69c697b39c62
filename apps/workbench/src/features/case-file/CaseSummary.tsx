import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { useFormat } from '../../i18n/format';
import type { CaseData } from './case-data';
import { assessed } from './investigation';

const DAY_MS = 86_400_000;

/** Whole days from opening to closing (or to now), as the investigations list counts them. */
export function daysOpen(
  openedAt: string | null | undefined,
  closedAt: string | null | undefined,
  now = Date.now(),
): number | null {
  if (!openedAt) return null;
  const from = new Date(openedAt).getTime();
  const to = closedAt ? new Date(closedAt).getTime() : now;
  return Number.isNaN(from) || Number.isNaN(to) ? null : Math.max(0, Math.floor((to - from) / DAY_MS));
}

/**
 * The case at a glance: number, employers, status, priority, investigator, days open, what is
 * assessed and what is collected. What the role may not read is said so, not left blank.
 */
export function CaseSummary({ data }: { data: CaseData }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { entry, investigation, collection } = data;
  const notVisible = <span className="text-normal text-base-dark">{t('caseFile.summary.notVisible')}</span>;

  const employers = investigation?.employers.length
    ? investigation.employers.map((e) => e.name).join(' · ')
    : (entry?.employerName ?? data.complaintEmployer ?? collection?.debtors.map((d) => d.name).join(' · '));
  const status = entry
    ? t(`caseStatus.${entry.status}`)
    : data.complaintStatus
      ? t(`complaintStatus.${data.complaintStatus}` as 'complaintStatus.received')
      : undefined;
  const priority = investigation?.priority ?? entry?.priority ?? undefined;
  const closedAt =
    investigation?.closure?.closedAt ?? (entry?.status === 'closed' ? entry.statusChangedAt : undefined);
  const days = daysOpen(investigation?.openedAt ?? entry?.openedAt ?? collection?.openedOn, closedAt);
  const amount = investigation ? assessed(investigation) : null;

  let investigator: ReactNode;
  if (investigation)
    investigator = investigation.investigatorId ?? (
      <span className="text-secondary-dark">{t('caseFile.summary.unassigned')}</span>
    );
  else if (data.noInvestigation === 'not_visible') investigator = notVisible;

  let assessedNode: ReactNode;
  if (investigation)
    assessedNode = amount ? (
      <>
        {f.money(amount.cents)}
        <span className="display-block font-body-3xs text-normal text-base-dark">
          {amount.basis === 'determination'
            ? t('caseFile.summary.fromDetermination')
            : t('caseFile.summary.fromComputation')}
        </span>
      </>
    ) : (
      <span className="text-normal">{t('caseFile.summary.notComputed')}</span>
    );
  else if (collection) assessedNode = f.money(collection.totals.assessedCents);
  else if (data.noInvestigation === 'not_visible') assessedNode = notVisible;

  let collected: ReactNode;
  if (!data.collectionVisible) collected = notVisible;
  else if (isApiError(data.collectionError))
    collected = <span className="text-normal text-secondary-dark">{t('caseFile.summary.unavailable')}</span>;
  else if (collection)
    collected = (
      <>
        {f.money(collection.totals.collectedCents)}
        <span className="display-block font-body-3xs text-normal text-base-dark">
          {t('caseFile.summary.outstanding', { amount: f.money(collection.totals.outstandingCents) })}
        </span>
      </>
    );
  else if (collection === null || data.collection === undefined)
    collected = <span className="text-normal">{t('caseFile.summary.notInCollections')}</span>;

  const items: [string, ReactNode, string][] = [
    [t('caseFile.summary.caseNumber'), data.caseNumber, 'case-number'],
    [t('caseFile.summary.employers'), employers, 'employers'],
    [t('caseFile.summary.status'), status, 'status'],
    [
      t('caseFile.summary.priority'),
      priority ? <span className="usa-tag">{priority}</span> : undefined,
      'priority',
    ],
    [t('caseFile.summary.investigator'), investigator, 'investigator'],
    [t('caseFile.summary.daysOpen'), days == null ? undefined : f.number(days), 'days-open'],
    [t('caseFile.summary.assessed'), assessedNode, 'assessed'],
    [t('caseFile.summary.collected'), collected, 'collected'],
  ];
  return (
    <section className="workbench-summary-strip" aria-label={t('caseFile.summary.label')}>
      <dl>
        {items.map(([label, value, id]) => (
          <div key={id} data-testid={`summary-${id}`}>
            <dt>{label}</dt>
            <dd>{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
