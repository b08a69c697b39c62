import type { ComponentType } from 'react';
import type { CollectionCase } from '../collection-data';
import { OverviewTab } from './OverviewTab';
import { LedgerTab } from './LedgerTab';
import { SettlementTab } from './SettlementTab';
import { PlanTab } from './PlanTab';
import { PaymentsTab } from './PaymentsTab';
import { EnforcementTab } from './EnforcementTab';
import { DisbursementsTab } from './DisbursementsTab';
import { StatementsTab } from './StatementsTab';

export interface CollectionTabProps {
  caseId: string;
  view: CollectionCase;
}

/** The parts of a collection case, each at /collections/:caseId/<id>, in the order work goes. */
export type CollectionTabId =
  'overview' | 'ledger' | 'settlement' | 'plan' | 'payments' | 'enforcement' | 'disbursements' | 'statements';

export const COLLECTION_TABS: ReadonlyArray<{
  id: CollectionTabId;
  Component: ComponentType<CollectionTabProps>;
}> = [
  { id: 'overview', Component: OverviewTab },
  { id: 'ledger', Component: LedgerTab },
  { id: 'settlement', Component: SettlementTab },
  { id: 'plan', Component: PlanTab },
  { id: 'payments', Component: PaymentsTab },
  { id: 'enforcement', Component: EnforcementTab },
  { id: 'disbursements', Component: DisbursementsTab },
  { id: 'statements', Component: StatementsTab },
];
