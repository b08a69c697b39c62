/** What every complaint command's builder gets besides its input: the case and the command's time. */
export type Base = { caseId: string; now: string };
