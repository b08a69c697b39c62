import { useTranslation } from 'react-i18next';
import { may } from '../../../../auth/may';
import type { Actor } from '../../../../auth/session';
import { Alert } from '../../../../ui/Alert';
import { determinationStatus } from '../../investigation-parts';
import type { InvestigationView } from '../../case-file-tab';
import { ClosedNotice } from '../../tab-parts';
import { ApproveForm } from './ApproveForm';
import { selfApproval } from './determination-parts';
import { IssueForm } from './IssueForm';
import { Proposal } from './Proposal';
import { ProposeForm } from './ProposeForm';
import { StepIndicator } from './StepIndicator';

/**
 * The determination: its status and who did what when, what it awards, and the one next step the
 * signed-in person may take: propose (the assigned investigator), approve (a supervisor who did
 * not propose it: the screen says so before anyone tries), issue.
 */
export function DeterminationPanel({
  caseId,
  view,
  actor,
  onChanged,
}: {
  caseId: string;
  view: InvestigationView;
  actor: Actor;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const determination = view.determination;
  const status = determinationStatus(determination);
  return (
    <>
      <ClosedNotice investigation={view} />
      <StepIndicator status={status} />
      {view.status === 'open' && selfApproval(view, actor) && (
        <Alert kind="warning" heading={t('determination.approve.selfHeading')} headingLevel="h3">
          {t('determination.approve.selfBody')}
        </Alert>
      )}
      {determination ? (
        <Proposal view={view} determination={determination} />
      ) : (
        <p>{t('determination.noneYet')}</p>
      )}
      {view.status === 'open' && <NextStep caseId={caseId} view={view} actor={actor} onChanged={onChanged} />}
    </>
  );
}

/** The step the signed-in person may take now, or why they may not. */
function NextStep({
  caseId,
  view,
  actor,
  onChanged,
}: {
  caseId: string;
  view: InvestigationView;
  actor: Actor;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const status = determinationStatus(view.determination);
  const mayPropose = may(actor.role, 'POST /api/v1/cases/{caseId}/investigation/determination/proposal');
  const mayApprove = may(actor.role, 'POST /api/v1/cases/{caseId}/investigation/determination/approval');
  const mayIssue = may(actor.role, 'POST /api/v1/cases/{caseId}/investigation/determination/issue');

  if ((status === 'none' || status === 'proposed') && mayPropose) {
    if (view.investigatorId !== actor.id)
      return (
        <Alert kind="info">
          {t('determination.propose.notAssigned', {
            investigator: view.investigatorId ?? t('investigations.unassigned'),
          })}
        </Alert>
      );
    if (view.computations.length === 0)
      return <Alert kind="info">{t('determination.propose.noComputation')}</Alert>;
    if (view.employers.length === 0)
      return <Alert kind="info">{t('determination.propose.noEmployer')}</Alert>;
    return <ProposeForm caseId={caseId} view={view} onDone={onChanged} />;
  }
  if (status === 'proposed' && mayApprove) {
    if (selfApproval(view, actor)) return null; // said at the top, before anything else
    return <ApproveForm caseId={caseId} view={view} onDone={onChanged} />;
  }
  if (status === 'approved' && mayIssue) return <IssueForm caseId={caseId} view={view} onDone={onChanged} />;
  if (status === 'proposed') return <p className="text-base-dark">{t('determination.awaitingApproval')}</p>;
  return null;
}
