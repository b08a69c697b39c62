import { AuditReadModels1768600000000 } from './1768600000000-audit-read-models';
import { FoiaRequestCutoff1770100000000 } from './1770100000000-foia-request-cutoff';
import { FoiaRequestClock1770200000000 } from './1770200000000-foia-request-clock';
import { FoiaRequestLifecycle1770300000000 } from './1770300000000-foia-request-lifecycle';
import { RetentionRecords1770400000000 } from './1770400000000-retention-records';
import { ReleasedPackages1770500000000 } from './1770500000000-released-packages';

/** In order. Add new migrations at the end; never edit one that has shipped. */
export const AUDIT_MIGRATIONS = [
  AuditReadModels1768600000000,
  FoiaRequestCutoff1770100000000,
  FoiaRequestClock1770200000000,
  FoiaRequestLifecycle1770300000000,
  RetentionRecords1770400000000,
  ReleasedPackages1770500000000,
];
