import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../../api/client';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import type { InvestigationView } from '../../case-file-tab';
import { header } from './determination-parts';

/** Issues the approved determination. */
export function IssueForm({
  caseId,
  view,
  onDone,
}: {
  caseId: string;
  view: InvestigationView;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const determinationId = view.determination?.proposal.determinationId ?? '';
  const issue = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/determination/issue', {
          params: { path: { caseId }, header: header(view) },
          body: { determinationId },
        }),
      ),
    onSuccess: onDone,
  });
  return (
    <section aria-labelledby="issue-heading">
      <h3 id="issue-heading">{t('determination.issue.heading')}</h3>
      <p>{t('determination.issue.body')}</p>
      <ErrorAlert error={issue.error} onReload={onDone} />
      <button type="button" className="usa-button" disabled={issue.isPending} onClick={() => issue.mutate()}>
        {t('determination.issue.submit')}
      </button>
    </section>
  );
}
