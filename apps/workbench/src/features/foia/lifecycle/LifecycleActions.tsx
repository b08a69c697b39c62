import { useTranslation } from 'react-i18next';
import { useMay } from '../../../auth/may';
import type { FoiaRequestView } from '../foia-api';
import { StepForm, type StepField } from './StepForm';

const CATEGORIES = ['commercial', 'educational', 'news_media', 'other'] as const;
const METHODS = ['check', 'money_order', 'card', 'electronic_transfer'] as const;
const OUTCOMES = ['upheld', 'reversed', 'partly_reversed', 'remanded'] as const;

/**
 * The steps that apply to the request as it stands: while open, acknowledge, ask or record a
 * clarification, the fee (estimate, waiver, payment) and the final responses other than a
 * release (again while reprocessing after an appeal); once answered, an appeal where the law has
 * one; under appeal, its decision.
 */
export function LifecycleActions({ requestId, view }: { requestId: string; view: FoiaRequestView }) {
  const { t } = useTranslation();
  const may = useMay('POST /api/v1/foia-requests/{requestId}/acknowledgment');
  if (!may) return null;
  const at = { requestId, version: view.version };
  const text = (name: string, label: string, kind: StepField['kind'] = 'textarea', hint?: string) => ({
    name,
    label,
    kind,
    ...(hint ? { hint } : {}),
  });
  const choices = (prefix: string, values: readonly string[]) =>
    values.map((value) => ({ value, label: t(`foiaLife.${prefix}.${value}` as 'foiaLife.choose') }));
  const { lifecycle, clock } = view;

  if (view.status === 'appealed')
    return (
      <StepForm
        {...at}
        path="appeal-decision"
        heading={t('foiaLife.steps.decide.heading')}
        submit={t('foiaLife.steps.decide.submit')}
        fields={[
          {
            name: 'outcome',
            label: t('foiaLife.steps.decide.outcome'),
            kind: 'select',
            options: choices('outcomes', OUTCOMES),
          },
          text('reason', t('foiaLife.steps.reason')),
        ]}
      />
    );
  if (view.status === 'released' || view.status === 'responded')
    return view.response?.appealClosesOn ? (
      <StepForm
        {...at}
        path="appeal"
        heading={t('foiaLife.steps.appeal.heading')}
        intro={t('foiaLife.facts.appealWindow', { date: view.response.appealClosesOn })}
        submit={t('foiaLife.steps.appeal.submit')}
        fields={[text('grounds', t('foiaLife.steps.appeal.grounds'))]}
      />
    ) : null;
  // Processed again after an appeal: the same steps as an open request.
  if (view.status !== 'received' && view.status !== 'reprocessing') return null;

  const pending = lifecycle.clarifications.at(-1);
  const awaiting = pending !== undefined && !pending.answer;
  const fee = lifecycle.fee;
  const federal = view.request.jurisdiction === 'federal';
  const exemptions = t('foia.exemptions', { returnObjects: true }) as Record<string, string>;
  return (
    <>
      {!lifecycle.acknowledgment && (
        <StepForm
          {...at}
          path="acknowledgment"
          heading={t('foiaLife.steps.acknowledge.heading')}
          intro={t('foiaLife.steps.acknowledge.intro')}
          submit={t('foiaLife.steps.acknowledge.submit')}
        />
      )}
      {awaiting ? (
        <StepForm
          {...at}
          path="clarification-answers"
          heading={t('foiaLife.steps.answer.heading')}
          submit={t('foiaLife.steps.answer.submit')}
          fields={[text('answer', t('foiaLife.steps.answer.answer'))]}
        />
      ) : (
        !clock.tolled &&
        !(federal && lifecycle.clarifications.length > 0) && (
          <StepForm
            {...at}
            path="clarification-requests"
            heading={t('foiaLife.steps.clarify.heading')}
            submit={t('foiaLife.steps.clarify.submit')}
            fields={[
              text(
                'question',
                t('foiaLife.steps.clarify.question'),
                'textarea',
                t('foiaLife.steps.clarify.hint'),
              ),
            ]}
          />
        )
      )}
      {!fee && (
        <StepForm
          {...at}
          path="fee-estimate"
          heading={t('foiaLife.steps.fee.heading')}
          submit={t('foiaLife.steps.fee.submit')}
          fields={[
            {
              name: 'category',
              label: t('foiaLife.steps.fee.category'),
              kind: 'select',
              options: choices('categories', CATEGORIES),
            },
            text('amountCents', t('foiaLife.steps.amount'), 'money', t('foiaLife.steps.amountHint')),
          ]}
        />
      )}
      {fee && !fee.waiver && federal && (
        <StepForm
          {...at}
          path="fee-waiver-decision"
          heading={t('foiaLife.steps.waiver.heading')}
          submit={t('foiaLife.steps.waiver.submit')}
          fields={[
            {
              name: 'granted',
              label: t('foiaLife.steps.waiver.decision'),
              hint: t('foiaLife.steps.waiver.hint'),
              kind: 'select',
              options: [
                { value: 'true', label: t('foiaLife.steps.waiver.granted') },
                { value: 'false', label: t('foiaLife.steps.waiver.denied') },
              ],
            },
            text('reason', t('foiaLife.steps.reason')),
          ]}
        />
      )}
      {fee && fee.owedCents > 0 && (
        <StepForm
          {...at}
          path="payments"
          heading={t('foiaLife.steps.payment.heading')}
          submit={t('foiaLife.steps.payment.submit')}
          fields={[
            text('amountCents', t('foiaLife.steps.amount'), 'money', t('foiaLife.steps.amountHint')),
            {
              name: 'method',
              label: t('foiaLife.steps.payment.method'),
              kind: 'select',
              options: choices('methods', METHODS),
            },
          ]}
        />
      )}
      <h3>{t('foiaLife.steps.otherResponses')}</h3>
      <StepForm
        {...at}
        path="denial"
        heading={t('foiaLife.steps.deny.heading')}
        submit={t('foiaLife.steps.deny.submit')}
        fields={[
          federal
            ? {
                name: 'exemptions',
                label: t('foiaLife.steps.deny.exemptions'),
                kind: 'codes',
                options: Object.entries(exemptions).map(([code, what]) => ({
                  value: code,
                  label: `${code} ${what}`,
                })),
              }
            : text(
                'exemptions',
                t('foiaLife.steps.deny.codes'),
                'codeList',
                t('foiaLife.steps.deny.codesHint'),
              ),
          text('reason', t('foiaLife.steps.reason')),
        ]}
      />
      <StepForm
        {...at}
        path="no-records-response"
        heading={t('foiaLife.steps.noRecords.heading')}
        submit={t('foiaLife.steps.noRecords.submit')}
        fields={[text('search', t('foiaLife.steps.noRecords.search'))]}
      />
      <StepForm
        {...at}
        path="referral"
        heading={t('foiaLife.steps.refer.heading')}
        submit={t('foiaLife.steps.refer.submit')}
        fields={[
          text('agency', t('foiaLife.steps.refer.agency'), 'text'),
          text('reason', t('foiaLife.steps.reason')),
        ]}
      />
    </>
  );
}
