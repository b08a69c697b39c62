import type { FoiaRequestReceived, RecordsCompiled, RedactionOverridden } from '@lse/contracts';

/** Time comes with the command (`now`), never from a clock inside the decider. */
export type FoiaCommand =
  | {
      type: 'ReceiveFoiaRequest';
      requestId: string;
      now: string;
      request: Omit<FoiaRequestReceived, 'receivedAt'>;
    }
  | { type: 'RecordCompilation'; requestId: string; now: string; compilation: RecordsCompiled }
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
    };
