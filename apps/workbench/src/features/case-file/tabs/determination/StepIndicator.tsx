import { useTranslation } from 'react-i18next';
import type { determinationStatus } from '../../investigation-parts';
import { STEPS } from './determination-parts';

/** Where the determination is: proposed, approved, issued. */
export function StepIndicator({ status }: { status: ReturnType<typeof determinationStatus> }) {
  const { t } = useTranslation();
  const reached = status === 'none' ? 0 : STEPS.indexOf(status) + 1;
  return (
    <div
      className="usa-step-indicator usa-step-indicator--counters-sm margin-bottom-3"
      aria-label={t('determination.progress')}
    >
      <ol className="usa-step-indicator__segments">
        {STEPS.map((step, i) => {
          const state = i < reached ? 'complete' : i === reached ? 'current' : null;
          return (
            <li
              key={step}
              className={`usa-step-indicator__segment${state ? ` usa-step-indicator__segment--${state}` : ''}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="usa-step-indicator__segment-label">
                {t(`determination.step.${step}`)}
                <span className="usa-sr-only">
                  {' '}
                  {state === 'complete'
                    ? t('determination.stepDone')
                    : state === 'current'
                      ? t('determination.stepNext')
                      : t('determination.stepLater')}
                </span>
              </span>
            </li>
          );
        })}
      </ol>
      <div className="usa-step-indicator__header">
        <h3 className="usa-step-indicator__heading">
          <span className="usa-step-indicator__heading-text">{t(`determination.status.${status}`)}</span>
        </h3>
      </div>
    </div>
  );
}
