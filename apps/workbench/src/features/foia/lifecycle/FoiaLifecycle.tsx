import { useTranslation } from 'react-i18next';
import type { FoiaRequestView } from '../foia-api';
import { LifecycleActions } from './LifecycleActions';
import { LifecycleFacts } from './LifecycleFacts';

/** The request's life after receipt (issue 22): what happened, and the steps open to the officer now. */
export function FoiaLifecycle({ requestId, view }: { requestId: string; view: FoiaRequestView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading">{t('foiaLife.heading')}</h2>
      <LifecycleFacts view={view} />
      <LifecycleActions requestId={requestId} view={view} />
    </section>
  );
}
