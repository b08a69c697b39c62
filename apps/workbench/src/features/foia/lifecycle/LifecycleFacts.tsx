import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { FoiaRequestView } from '../foia-api';

/** "$125.00" from integer cents. */
const money = (f: ReturnType<typeof useFormat>, cents: number) => f.money(cents);

/**
 * What happened to the request besides its packages and clock: the tracking number, the
 * clarification, the fee (estimate, waiver, payments, what is owed), each release, the final
 * response with the appeal window, and the appeal with its due date and decision.
 */
export function LifecycleFacts({ view }: { view: FoiaRequestView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { lifecycle, response, appeal, appealDecision, reopened, judicialReview } = view;
  const decidedLine = (decision: { decidedOn: string; outcome: string; reason: string }) =>
    t('foiaLife.facts.decided', {
      date: f.date(decision.decidedOn),
      outcome: t(`foiaLife.outcomes.${decision.outcome}` as 'foiaLife.outcomes.upheld'),
      reason: decision.reason,
    });
  const { acknowledgment, fee } = lifecycle;
  const none = (
    key:
      | 'foiaLife.facts.notAcknowledged'
      | 'foiaLife.facts.noClarification'
      | 'foiaLife.facts.noFee'
      | 'foiaLife.facts.noReleases'
      | 'foiaLife.facts.noResponse',
  ) => <span className="text-base-dark">{t(key)}</span>;
  return (
    <dl className="workbench-facts" data-testid="lifecycle-facts">
      <dt>{t('foiaLife.facts.tracking')}</dt>
      <dd>
        {acknowledgment
          ? t('foiaLife.facts.acknowledged', {
              number: acknowledgment.trackingNumber,
              date: f.date(acknowledgment.acknowledgedOn),
            })
          : none('foiaLife.facts.notAcknowledged')}
      </dd>
      <dt>{t('foiaLife.facts.clarifications')}</dt>
      <dd>
        {lifecycle.clarifications.length === 0
          ? none('foiaLife.facts.noClarification')
          : lifecycle.clarifications.map((c) => (
              <p key={c.askedOn + c.question} className="margin-y-0">
                {t('foiaLife.facts.asked', { date: f.date(c.askedOn), question: c.question })}{' '}
                {c.answer
                  ? t('foiaLife.facts.answered', {
                      date: f.date(c.answer.receivedOn),
                      answer: c.answer.answer,
                    })
                  : t('foiaLife.facts.awaiting')}
              </p>
            ))}
      </dd>
      <dt>{t('foiaLife.facts.fee')}</dt>
      <dd data-testid="fee">
        {!fee ? (
          none('foiaLife.facts.noFee')
        ) : (
          <>
            <p className="margin-y-0">
              {t('foiaLife.facts.feeEstimate', {
                amount: money(f, fee.estimate.amountCents),
                category: t(`foiaLife.categories.${fee.estimate.category}`),
                source: fee.estimate.source,
              })}
            </p>
            {fee.waiver && (
              <p className="margin-y-0">
                {t(fee.waiver.granted ? 'foiaLife.facts.waiverGranted' : 'foiaLife.facts.waiverDenied', {
                  date: f.date(fee.waiver.decidedOn),
                  standard: fee.waiver.standard,
                  reason: fee.waiver.reason,
                })}
              </p>
            )}
            {fee.payments.map((p, i) => (
              <p key={i} className="margin-y-0">
                {t('foiaLife.facts.paid', {
                  amount: money(f, p.amountCents),
                  date: f.date(p.paidOn),
                  method: t(`foiaLife.methods.${p.method}`),
                })}
              </p>
            ))}
            <p className="margin-y-0 text-bold">
              {fee.owedCents > 0
                ? t('foiaLife.facts.owed', { amount: money(f, fee.owedCents) })
                : t('foiaLife.facts.settled')}
            </p>
          </>
        )}
      </dd>
      <dt>{t('foiaLife.facts.releases')}</dt>
      <dd>
        {lifecycle.releases.length === 0
          ? none('foiaLife.facts.noReleases')
          : lifecycle.releases.map((r) => (
              <p key={r.releasedAt} className="margin-y-0">
                {t(r.final === false ? 'foiaLife.facts.installment' : 'foiaLife.facts.finalRelease', {
                  n: r.installment ?? 1,
                  date: f.dateTime(r.releasedAt),
                  records: f.number(r.records),
                })}
              </p>
            ))}
      </dd>
      <dt>{t('foiaLife.facts.response')}</dt>
      <dd data-testid="response">
        {!response ? (
          none('foiaLife.facts.noResponse')
        ) : (
          <>
            <p className="margin-y-0">
              {t(`foiaLife.facts.responses.${response.kind}`, {
                date: f.date(response.respondedOn),
                codes: response.denial?.exemptions.join(', '),
                reason: response.denial?.reason ?? response.referral?.reason,
                search: response.noRecords?.search,
                agency: response.referral?.agency,
              })}
            </p>
            <p className="margin-y-0">
              {response.appealClosesOn
                ? t('foiaLife.facts.appealWindow', { date: f.date(response.appealClosesOn) })
                : t('foiaLife.facts.noAppeal')}
            </p>
          </>
        )}
      </dd>
      {appeal && (
        <>
          <dt>{t('foiaLife.facts.appeal')}</dt>
          <dd data-testid="appeal">
            <p className="margin-y-0">
              {t('foiaLife.facts.appealed', {
                date: f.date(appeal.receivedOn),
                due: f.date(appeal.dueOn),
                source: appeal.source,
              })}
            </p>
            {appealDecision && <p className="margin-y-0">{decidedLine(appealDecision)}</p>}
            {judicialReview && (
              <p className="margin-y-0" data-testid="judicial-review">
                {t('foiaLife.facts.judicialReview', { source: judicialReview })}
              </p>
            )}
          </dd>
        </>
      )}
      {(lifecycle.appeals ?? []).length > 0 && (
        <>
          <dt>{t('foiaLife.facts.earlierAppeals')}</dt>
          <dd data-testid="earlier-appeals">
            {lifecycle.appeals?.map((a) => (
              <p className="margin-y-0" key={`${a.appeal.receivedOn}-${a.decision.decidedOn}`}>
                {t('foiaLife.facts.appealed', {
                  date: f.date(a.appeal.receivedOn),
                  due: f.date(a.appeal.dueOn),
                  source: a.appeal.source,
                })}
                . {decidedLine(a.decision)}
              </p>
            ))}
          </dd>
        </>
      )}
      {reopened && (
        <>
          <dt>{t('foiaLife.facts.reopened')}</dt>
          <dd data-testid="reopened">
            <p className="margin-y-0">{decidedLine(reopened.decision)}</p>
            <p className="margin-y-0">
              {t('foiaLife.facts.reprocessDue', { date: f.date(reopened.dueOn), source: reopened.source })}
            </p>
          </dd>
        </>
      )}
    </dl>
  );
}
