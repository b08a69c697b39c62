import type { z } from 'zod';

/** Where a child schema sits relative to its parent. */
export type Step =
  | { kind: 'same' } // wrappers (optional, nullable, default...) and union options
  | { kind: 'key'; key: string } // object property
  | { kind: 'extra' } // object catchall: any other key
  | { kind: 'index'; index: number } // tuple item
  | { kind: 'element' } // array, set or tuple rest element
  | { kind: 'recordKey' }
  | { kind: 'recordValue' };

type AnyDef = Record<string, unknown> & { type: string };
const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as AnyDef;
const asSchema = (value: unknown) => value as z.core.$ZodType;

type Child = { step: Step; schema: z.core.$ZodType };
const child = (step: Step, schema: unknown): Child => ({ step, schema: asSchema(schema) });

const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'nonoptional',
  'readonly',
  'catch',
  'success',
]);

/**
 * The child schemas of a zod 4 schema, or null for a leaf. A pipe is followed on its input side:
 * that is the shape stored in events.
 */
export function childSchemas(schema: z.core.$ZodType): Child[] | null {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return [child({ kind: 'same' }, def.innerType)];
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const children = Object.entries(shape).map(([key, value]) => child({ kind: 'key', key }, value));
      const catchall = def.catchall as z.core.$ZodType | undefined;
      if (catchall && defOf(catchall).type !== 'never') children.push(child({ kind: 'extra' }, catchall));
      return children;
    }
    case 'array':
      return [child({ kind: 'element' }, def.element)];
    case 'set':
      return [child({ kind: 'element' }, def.valueType)];
    case 'tuple': {
      const items = (def.items as unknown[]).map((item, index) => child({ kind: 'index', index }, item));
      return def.rest ? [...items, child({ kind: 'element' }, def.rest)] : items;
    }
    case 'union':
      return (def.options as unknown[]).map((option) => child({ kind: 'same' }, option));
    case 'intersection':
      return [child({ kind: 'same' }, def.left), child({ kind: 'same' }, def.right)];
    case 'record':
    case 'map':
      return [child({ kind: 'recordKey' }, def.keyType), child({ kind: 'recordValue' }, def.valueType)];
    case 'pipe':
      return [child({ kind: 'same' }, def.in)];
    case 'lazy':
      return [child({ kind: 'same' }, (def.getter as () => unknown)())];
    default:
      return null;
  }
}

/** Human-readable path, e.g. `complainants[].name`, `amounts.<key>`, `amounts.*`. */
export function appendStep(path: string, step: Step): string {
  switch (step.kind) {
    case 'same':
      return path;
    case 'key':
      return path ? `${path}.${step.key}` : step.key;
    case 'extra':
    case 'recordValue':
      return path ? `${path}.*` : '*';
    case 'recordKey':
      return path ? `${path}.<key>` : '<key>';
    case 'index':
      return `${path}[${step.index}]`;
    case 'element':
      return `${path}[]`;
  }
}
