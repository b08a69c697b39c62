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
export function childSchemas(schema: z.core.$ZodType): Array<{ step: Step; schema: z.core.$ZodType }> | null {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return [{ step: { kind: 'same' }, schema: asSchema(def.innerType) }];
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      const children = Object.entries(shape).map(([key, child]) => ({
        step: { kind: 'key', key } as Step,
        schema: child,
      }));
      const catchall = def.catchall as z.core.$ZodType | undefined;
      if (catchall && defOf(catchall).type !== 'never')
        children.push({ step: { kind: 'extra' }, schema: catchall });
      return children;
    }
    case 'array':
      return [{ step: { kind: 'element' }, schema: asSchema(def.element) }];
    case 'set':
      return [{ step: { kind: 'element' }, schema: asSchema(def.valueType) }];
    case 'tuple': {
      const items = (def.items as z.core.$ZodType[]).map((item, index) => ({
        step: { kind: 'index', index } as Step,
        schema: item,
      }));
      return def.rest ? [...items, { step: { kind: 'element' }, schema: asSchema(def.rest) }] : items;
    }
    case 'union':
      return (def.options as z.core.$ZodType[]).map((option) => ({
        step: { kind: 'same' } as Step,
        schema: option,
      }));
    case 'intersection':
      return [def.left, def.right].map((side) => ({
        step: { kind: 'same' } as Step,
        schema: asSchema(side),
      }));
    case 'record':
    case 'map':
      return [
        { step: { kind: 'recordKey' }, schema: asSchema(def.keyType) },
        { step: { kind: 'recordValue' }, schema: asSchema(def.valueType) },
      ];
    case 'pipe':
      return [{ step: { kind: 'same' }, schema: asSchema(def.in) }];
    case 'lazy':
      return [{ step: { kind: 'same' }, schema: (def.getter as () => z.core.$ZodType)() }];
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
