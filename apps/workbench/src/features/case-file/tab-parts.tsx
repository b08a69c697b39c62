import { useTranslation } from 'react-i18next';
import { may } from '../../api/may';
import { operationRoles } from '../../api/operation-roles';
import { useSession, type Role } from '../../auth/session';
import { Alert } from '../../ui/Alert';
import type { InvestigationView } from './case-file-tab';

/** The roles that see the investigation's tabs: those that may read it (its GET's x-roles). */
export const INVESTIGATION_READERS = (operationRoles['GET /api/v1/cases/{caseId}/investigation'] ??
  []) as readonly Role[];

/** Whether the signed-in role may call the operation and the investigation still takes changes. */
export function useMayAct(operation: string, investigation: InvestigationView | null): boolean {
  const role = useSession()?.actor.role;
  return may(role, operation) && investigation?.status === 'open';
}

/** In a tab that shows the investigation, when there is none to show (the header says why). */
export function NoInvestigationInTab() {
  const { t } = useTranslation();
  return (
    <Alert kind="info" slim>
      {t('caseFile.noInvestigationInTab')}
    </Alert>
  );
}

/** A closed investigation takes no more changes (until a supervisor reopens it). */
export function ClosedNotice({ investigation }: { investigation: InvestigationView | null }) {
  const { t } = useTranslation();
  if (investigation?.status !== 'closed') return null;
  return (
    <Alert kind="info" slim>
      {t('caseFile.closedNoChanges')}
    </Alert>
  );
}

/** A USWDS checkbox with its label (and hint). */
export function Check({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <div className="usa-checkbox">
      <input
        className="usa-checkbox__input"
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="usa-checkbox__label" htmlFor={id}>
        {label}
        {hint && <span className="usa-checkbox__label-description">{hint}</span>}
      </label>
    </div>
  );
}
