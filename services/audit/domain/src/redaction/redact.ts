import {
  classifyData,
  eventRegistry,
  EventMetadataSchema,
  exemptionsFor,
  type Classification,
  type ClassifiedValue,
} from '@lse/contracts';

/** A stored event of a case, as the package builder needs it (the store's RecordedEvent fits). */
export interface CaseRecord {
  eventId: string;
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: string;
  /** Read through the sealed store: the leaves whose data subject was erased (libs/crypto-shred). */
  erasedPaths?: string[];
}

export interface WithheldField {
  /** `data.complainants.0.name`, `metadata.actor.id`; a record key ends in `.<key>`. */
  path: string;
  classification: Classification;
  exemptions: string[];
  isKey: boolean;
}

export interface RedactionContext {
  caseOpen: boolean;
  jurisdiction: string;
}

export const pathOf = (root: 'data' | 'metadata', entry: ClassifiedValue) =>
  [root, ...entry.path.map(String)].join('.') + (entry.isKey ? '.<key>' : '');

/** Every classified value of a record's data (after upcasting) and metadata, with its root. */
export function classifiedValues(
  record: CaseRecord,
): Array<{ root: 'data' | 'metadata'; entry: ClassifiedValue }> {
  const definition = eventRegistry.require(record.type);
  const data = definition.upcast(record.schemaVersion, record.data);
  return [
    ...classifyData(definition.schema, data).map((entry) => ({ root: 'data' as const, entry })),
    ...classifyData(EventMetadataSchema, record.metadata).map((entry) => ({
      root: 'metadata' as const,
      entry,
    })),
  ];
}

/**
 * Every field of a record that its classification withholds, with the exemptions it cites. The
 * classification comes from the event type's schema in libs/contracts (after upcasting), never
 * from a list kept here, so a new event type is covered as soon as it is registered. A value the
 * schema does not classify stops the build (UnclassifiedDataError) rather than being released.
 */
export function withheldFields(
  record: CaseRecord,
  context: RedactionContext,
  values = classifiedValues(record),
): WithheldField[] {
  const out: WithheldField[] = [];
  for (const { root, entry } of values) {
    if (entry.classification === 'public') continue;
    const exemptions = exemptionsFor(entry.classification, {
      caseOpen: context.caseOpen,
      jurisdiction: context.jurisdiction,
    });
    if (exemptions.length === 0) continue;
    out.push({
      path: pathOf(root, entry),
      classification: entry.classification,
      exemptions,
      isKey: entry.isKey ?? false,
    });
  }
  return out;
}

/** The data and metadata of a record as a requester may see them (upcast, then redacted). */
export function upcastData(record: CaseRecord): Record<string, unknown> {
  return eventRegistry.require(record.type).upcast(record.schemaVersion, record.data);
}

type Json = Record<string, unknown> | unknown[];

/** Replaces the value at `path` (segments after the root) in a deep copy. */
export function replaceAt(root: Json, segments: string[], replacement: unknown): void {
  let node: Json = root;
  for (const segment of segments.slice(0, -1)) {
    node = (Array.isArray(node) ? node[Number(segment)] : node[segment]) as Json;
    if (typeof node !== 'object' || node === null) return;
  }
  const last = segments[segments.length - 1];
  if (Array.isArray(node)) node[Number(last)] = replacement;
  else node[last] = replacement;
}

/** Renames a record key (a withheld key is data too) keeping its value. */
export function renameKey(root: Json, segments: string[], newKey: string): void {
  let node: Json = root;
  for (const segment of segments.slice(0, -1)) {
    node = (Array.isArray(node) ? node[Number(segment)] : node[segment]) as Json;
    if (typeof node !== 'object' || node === null) return;
  }
  const last = segments[segments.length - 1];
  if (Array.isArray(node) || !(last in node)) return;
  node[newKey] = node[last];
  delete node[last];
}
