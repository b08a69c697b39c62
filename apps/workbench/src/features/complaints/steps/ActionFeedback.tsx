import { useState, type ReactNode } from 'react';
import { Alert } from '../../../ui/Alert';
import { ErrorAlert } from '../../../ui/ErrorAlert';

interface ActionState {
  error: unknown;
  isSuccess: boolean;
  submittedAt: number;
  reset: () => void;
}

/** Why an action failed, in its form: a 409 offers to reload the complaint; the form keeps what was typed. */
export function ActionError({ action, onReload }: { action: ActionState; onReload: () => void }) {
  return (
    <ErrorAlert
      error={action.error}
      onReload={() => {
        action.reset();
        onReload();
      }}
    />
  );
}

/**
 * A step that can be taken again (an assessment, the triage): once it has a result, the result
 * shows and the form folds away behind a button; each success folds it again and says so.
 */
export function RedoableStep({
  result,
  action,
  done,
  redoLabel,
  children,
}: {
  /** Null until the step has been taken. */
  result: ReactNode;
  action: ActionState;
  done: string;
  redoLabel: string;
  children: ReactNode;
}) {
  const [redo, setRedo] = useState(false);
  const [folded, setFolded] = useState(0);
  if (action.isSuccess && action.submittedAt !== folded) {
    setFolded(action.submittedAt);
    setRedo(false);
  }
  return (
    <>
      {result}
      {action.isSuccess && (
        <Alert kind="success" slim headingLevel="h4">
          {done}
        </Alert>
      )}
      {result && !redo ? (
        <button
          type="button"
          className="usa-button usa-button--outline margin-top-1"
          onClick={() => setRedo(true)}
        >
          {redoLabel}
        </button>
      ) : (
        children
      )}
    </>
  );
}
