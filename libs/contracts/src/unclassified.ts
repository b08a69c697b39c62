import type { z } from 'zod';
import { classifications, type ClassificationRegistry } from './classification';
import { appendStep, childSchemas } from './schema-walk';

/**
 * Paths of the leaf fields of `schema` that carry no classification, in schema order.
 * A classification on an object, array or record covers everything inside it. Record keys are
 * data too (they may be names), so an unclassified record needs its key type classified.
 */
export function findUnclassifiedFields(
  schema: z.core.$ZodType,
  registry: ClassificationRegistry = classifications,
): string[] {
  const found: string[] = [];
  const visit = (node: z.core.$ZodType, path: string, onPath: Set<z.core.$ZodType>) => {
    if (registry.get(node)?.classification) return;
    if (onPath.has(node)) return; // a recursive (lazy) schema: its fields are reported once
    const children = childSchemas(node);
    if (children === null) {
      found.push(path || '(root)');
      return;
    }
    const next = new Set(onPath).add(node);
    for (const child of children) visit(child.schema, appendStep(path, child.step), next);
  };
  visit(schema, '', new Set());
  return [...new Set(found)];
}
