import type { FoiaRecordRequest } from '@lse/contracts';
import type { RecordSectionsInput } from '@lse/audit-domain';
import type { EventStore } from '@lse/event-store';
import { gatherAgreements } from './agreements';
import { gatherDisclosureLedger } from './disclosure-ledger';
import { gatherReferralStatistics } from './referral-statistics';

/**
 * The records a FOIA request names besides cases, gathered as of the cut-off; undefined when it
 * names none, so a case-only package is exactly what it was before records could be named.
 */
export async function gatherNamedRecords(
  store: EventStore,
  records: readonly FoiaRecordRequest[] | undefined,
  cutoff: string,
): Promise<RecordSectionsInput | undefined> {
  if (!records || records.length === 0) return undefined;
  return {
    agreements: await gatherAgreements(store, records, cutoff),
    referralStatistics: await gatherReferralStatistics(store, records, cutoff),
    disclosureLedger: await gatherDisclosureLedger(store, records, cutoff),
  };
}
