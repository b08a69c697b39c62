import { z } from 'zod';

/** Expected stream version from If-Match: a number, `any` for `*`, absent for "as loaded". */
export const ExpectedVersionSchema = z.union([z.int().min(0), z.literal('any')]);

type StreamCommandShape<K extends string, S extends z.ZodType> = Record<K, z.ZodUUID> & {
  expectedVersion: z.ZodOptional<typeof ExpectedVersionSchema>;
  input: S;
};
/** What such a request parses to, spelled out so a handler generic in its input schema can read it. */
export type StreamCommandData<K extends string, I> = Record<K, string> & {
  expectedVersion?: number | 'any';
  input: I;
};
export type StreamCommandRequest<K extends string, S extends z.ZodType> = {
  parse(data: unknown): StreamCommandData<K, z.output<S>>;
} & z.ZodObject<StreamCommandShape<K, S>, z.core.$strict>;

// Built once per id name and input schema: building zod schemas per message cost intake ~5-8% of its CPU.
const built = new Map<string, WeakMap<z.ZodType, z.ZodType>>();

/**
 * The `data` of every command on an existing stream that the gateway sends a service: the
 * stream's id under the name the service's area uses (`caseId`, `requestId`, a partner's or
 * agreement's `id`), the If-Match version, and the command's input. One shape in every service.
 */
export function streamCommandRequest<K extends string, S extends z.ZodType>(
  idKey: K,
  input: S,
): StreamCommandRequest<K, S> {
  let byInput = built.get(idKey);
  if (!byInput) built.set(idKey, (byInput = new WeakMap()));
  let schema = byInput.get(input);
  if (!schema) {
    schema = z.strictObject({
      [idKey]: z.uuid(),
      expectedVersion: ExpectedVersionSchema.optional(),
      input,
    } as StreamCommandShape<K, S>);
    byInput.set(input, schema);
  }
  return schema as StreamCommandRequest<K, S>;
}
