import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeclineForm } from './DeclineForm';
import { DuplicateForm } from './DuplicateForm';
import { OpenCaseForm } from './OpenCaseForm';
import { ReferOutForm } from './ReferOutForm';
import type { StepProps } from './step-props';

const DECISIONS = ['open', 'referOut', 'duplicate', 'decline'] as const;
type Decision = (typeof DECISIONS)[number];

/** Step 4: what becomes of the complaint. One decision's form at a time. */
export function DecisionStep(props: StepProps) {
  const { t } = useTranslation();
  const name = useId();
  const [decision, setDecision] = useState<Decision>('open');
  return (
    <>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">{t('complaint.decide.choose')}</legend>
        <div className="workbench-inline-choices">
          {DECISIONS.map((d) => (
            <div className="usa-radio" key={d}>
              <input
                className="usa-radio__input"
                id={`${name}-${d}`}
                type="radio"
                name={name}
                checked={decision === d}
                onChange={() => setDecision(d)}
              />
              <label className="usa-radio__label margin-top-1" htmlFor={`${name}-${d}`}>
                {t(`complaint.decide.${d}.choice`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="margin-top-2">
        {decision === 'open' && <OpenCaseForm {...props} />}
        {decision === 'referOut' && <ReferOutForm {...props} />}
        {decision === 'duplicate' && <DuplicateForm {...props} />}
        {decision === 'decline' && <DeclineForm {...props} />}
      </div>
    </>
  );
}
