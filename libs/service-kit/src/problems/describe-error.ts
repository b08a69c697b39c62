/**
 * What of an unexpected error may be logged: its name, code and stack frames. The message is
 * left out because drivers put values in it (e.g. a duplicate key's email).
 */
export function describeError(err: unknown): { type: string; code?: string; frames?: string[] } {
  if (!(err instanceof Error)) return { type: typeof err };
  const code = (err as { code?: unknown }).code;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .map((line) => line.trim());
  return { type: err.name, ...(typeof code === 'string' ? { code } : {}), frames };
}
