import { useTranslation } from 'react-i18next';
import { may } from '../../auth/may';
import { operationRoles } from '../../api/operation-roles';
import { useSession, type Role } from '../../auth/session';
import { Alert } from '../../ui/Alert';
import { Checkbox } from '../../ui/Checkbox';
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

/**
 * ui/Checkbox under the name and props some tabs were written with (`hint` for its description;
 * an `id` is not needed: Checkbox makes its own).
 */
export function Check({
  id: _id,
  hint,
  ...props
}: {
  id?: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return <Checkbox {...props} description={hint} />;
}
