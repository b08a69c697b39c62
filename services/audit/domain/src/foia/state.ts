import type {
  FoiaRequestReceived,
  FoiaResponseReleased,
  RecordsCompiled,
  RedactionOverridden,
} from '@lse/contracts';

/** A FOIA request while it is reviewed; once released it accepts nothing more. */
export type FoiaState =
  | { status: 'none' }
  | {
      status: 'received';
      request: FoiaRequestReceived;
      compilations: RecordsCompiled[];
      overrides: RedactionOverridden[];
    }
  | {
      status: 'released';
      request: FoiaRequestReceived;
      compilations: RecordsCompiled[];
      overrides: RedactionOverridden[];
      release: FoiaResponseReleased;
    };

export const initialFoiaState: FoiaState = { status: 'none' };
