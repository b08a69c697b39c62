import type { ComponentType } from 'react';
import type { paths } from '../../api/schema';
import type { Role } from '../../auth/session';

/** GET /api/v1/cases/{caseId}/investigation: the investigation as it stands (version = ETag). */
export type InvestigationView =
  paths['/api/v1/cases/{caseId}/investigation']['get']['responses']['200']['content']['application/json'];

/** What the case-file page hands each tab. */
export interface CaseFileTabProps {
  caseId: string;
  /** Null while loading, or when the case has no investigation yet (or the role may not read it). */
  investigation: InvestigationView | null;
  /** Refetch the investigation (and the summary) after an action or a 409. */
  refresh: () => void;
}

/**
 * One tab of the case file, discovered from `tabs/<id>/index.tsx` (each exports `tab`): a URL of
 * its own (/cases/:caseId/<id>), its place in the side navigation, and the roles that see it.
 */
export interface CaseFileTab {
  id: string;
  order: number;
  /** i18n key of its label, under caseFile.tabs. */
  labelKey: string;
  roles: readonly Role[];
  Component: ComponentType<CaseFileTabProps>;
}
