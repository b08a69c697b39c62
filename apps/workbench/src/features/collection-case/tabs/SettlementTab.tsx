import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { Offer } from '../collection-data';
import { useMayAct } from '../parts';
import { ApproveForm, CompromiseForm } from './ApproveForm';
import { OfferForm } from './OfferForm';
import type { CollectionTabProps } from './index';

/**
 * The negotiation: every offer and counter-offer with its schedule, the agreement once a
 * supervisor approved one, and (for supervisors) a compromise or write-off of part of the debt.
 */
export function SettlementTab({ caseId, view }: CollectionTabProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const [counterTo, setCounterTo] = useState<Offer>();
  const [approving, setApproving] = useState<Offer>();
  const mayOffer = useMayAct('settlement-offers', view);
  const mayCounter = useMayAct('settlement-counters', view);
  const mayAgree = useMayAct('settlement', view);
  const mayCompromise = useMayAct('compromises', view);
  const { settlement } = view;
  return (
    <>
      {settlement ? (
        <div className="usa-summary-box margin-bottom-3" role="region" aria-labelledby="agreement-heading">
          <div className="usa-summary-box__body">
            <h3 className="usa-summary-box__heading" id="agreement-heading">
              {t('collectionCase.settlement.agreedHeading')}
            </h3>
            <p className="usa-summary-box__text">
              {t('collectionCase.settlement.agreedBody', {
                amount: f.money(settlement.amountCents),
                date: f.date(settlement.agreedOn),
                count: settlement.installments.length,
                by: settlement.approvedBy,
              })}
            </p>
            {settlement.nonMonetaryTerms.length > 0 && (
              <ul className="usa-list">
                {settlement.nonMonetaryTerms.map((x, i) => (
                  <li key={i}>
                    {t(`collectionCase.terms.kinds.${x.kind}`)}: {x.description}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      ) : (
        <p>{t('collectionCase.settlement.noAgreement')}</p>
      )}
      <table className="usa-table usa-table--borderless">
        <caption>{t('collectionCase.settlement.offersCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('collectionCase.settlement.offeredOn')}</th>
            <th scope="col">{t('collectionCase.settlement.offeredBy')}</th>
            <th scope="col" className="workbench-numeric">
              {t('collectionCase.amount')}
            </th>
            <th scope="col">{t('collectionCase.settlement.schedule')}</th>
            <th scope="col">{t('collectionCase.settlement.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {view.offers.length === 0 && (
            <tr>
              <td colSpan={5}>{t('collectionCase.settlement.noOffers')}</td>
            </tr>
          )}
          {view.offers.map((o, i) => (
            <tr key={o.offerId}>
              <td>
                {f.date(o.offeredOn)}
                {o.inResponseTo && (
                  <div className="font-body-3xs text-base-dark">
                    {t('collectionCase.settlement.counterOf', {
                      n: view.offers.findIndex((x) => x.offerId === o.inResponseTo) + 1,
                    })}
                  </div>
                )}
              </td>
              <td>{t(`collectionCase.parties.${o.offeredBy}`)}</td>
              <td className="workbench-numeric">{f.money(o.amountCents)}</td>
              <td>
                <ol className="margin-0 padding-left-2">
                  {o.installments.map((x) => (
                    <li key={x.installmentNo}>
                      {t('collectionCase.settlement.installmentLine', {
                        date: f.date(x.dueOn),
                        amount: f.money(x.amountCents),
                      })}
                    </li>
                  ))}
                </ol>
                {o.nonMonetaryTerms.length > 0 && (
                  <p className="margin-y-05 font-body-3xs">
                    {t('collectionCase.terms.listed', {
                      terms: o.nonMonetaryTerms.map((x) => x.description).join('; '),
                    })}
                  </p>
                )}
              </td>
              <td>
                {mayCounter && !settlement && (
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled display-block"
                    onClick={() => setCounterTo(o)}
                  >
                    {t('collectionCase.settlement.counter', { n: i + 1 })}
                  </button>
                )}
                {mayAgree && !settlement && (
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled display-block"
                    onClick={() => setApproving(o)}
                  >
                    {t('collectionCase.settlement.approve', { n: i + 1 })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {approving && mayAgree && !settlement && (
        <ApproveForm key={approving.offerId} caseId={caseId} view={view} offer={approving} />
      )}
      {counterTo && mayCounter && !settlement && (
        <OfferForm
          key={counterTo.offerId}
          caseId={caseId}
          view={view}
          counterTo={counterTo}
          onDone={() => setCounterTo(undefined)}
        />
      )}
      {mayOffer && !settlement && !counterTo && <OfferForm caseId={caseId} view={view} />}
      {mayCompromise && <CompromiseForm caseId={caseId} view={view} />}
    </>
  );
}
