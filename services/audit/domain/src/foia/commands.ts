import type {
  FoiaExtensionCircumstance,
  FoiaRequestReceived,
  FoiaTollingReason,
  RecordsCompiled,
  RedactionOverridden,
} from '@lse/contracts';
import type { LoggedRedaction } from './redactions';
import type { FoiaLifecycleCommand } from './lifecycle/commands';

/** Time comes with the command (`now`), never from a clock inside the decider. */
export type FoiaCommand =
  | {
      type: 'ReceiveFoiaRequest';
      requestId: string;
      now: string;
      request: Omit<FoiaRequestReceived, 'receivedAt'>;
    }
  | {
      type: 'RecordCompilation';
      requestId: string;
      now: string;
      compilation: Omit<RecordsCompiled, 'redactionLogSha256'>;
      /** The compiled package's redaction log (entries may carry `released`; it is not recorded). */
      redactionLog: readonly LoggedRedaction[];
    }
  | {
      type: 'OverrideRedaction';
      requestId: string;
      now: string;
      override: RedactionOverridden;
      /** Whether the path names a field the package withholds (computed from the classification). */
      withheld: boolean;
    }
  | {
      type: 'ReleaseResponse';
      requestId: string;
      now: string;
      cutoff: string;
      packageSha256: string;
      htmlSha256: string;
      records: number;
      redactions: number;
      /** The released package's redaction log: recorded first if this set never was. */
      redactionLog: readonly LoggedRedaction[];
      /** False for an installment: the request stays open; the final release closes it. */
      final?: boolean;
    }
  | {
      type: 'ExtendFoiaDeadline';
      requestId: string;
      now: string;
      /** In the rule's count (business or calendar days); at most what the law allows. */
      days: number;
      circumstance: FoiaExtensionCircumstance;
    }
  | { type: 'TollFoiaClock'; requestId: string; now: string; reason: FoiaTollingReason }
  | { type: 'ResumeFoiaClock'; requestId: string; now: string }
  | FoiaLifecycleCommand;
