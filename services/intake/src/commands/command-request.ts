import { complaintCommandRequest } from '@lse/contracts';
import type { z } from 'zod';

/** What every complaint command's builder gets besides its input: the case and the command's time. */
export type Base = { caseId: string; now: string };

/** One request schema per command input, built once: building zod schemas per message cost intake ~5-8% of its CPU. */
type CommandRequestSchema = ReturnType<typeof complaintCommandRequest>;
const requestSchemas = new WeakMap<z.ZodType, CommandRequestSchema>();

/** `{caseId, expectedVersion?, input}` with the command's input schema. */
export function requestSchemaFor(inputSchema: z.ZodType): CommandRequestSchema {
  let schema = requestSchemas.get(inputSchema);
  if (!schema) {
    schema = complaintCommandRequest(inputSchema);
    requestSchemas.set(inputSchema, schema);
  }
  return schema;
}
