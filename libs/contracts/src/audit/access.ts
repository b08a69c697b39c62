import { z } from 'zod';
import { personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { instant, text, uuid } from '../fields';
import { ACCESS_CATEGORY } from './parts';

/** What kind of record was read (a route's resource, e.g. `complaint`, `case-history`). */
export const AccessedResourceSchema = z.string().regex(/^[a-z][a-z0-9-]{0,60}$/, 'expected a resource name');

/**
 * Someone read a case's records (docs/architecture.md#recorded-reads). Who is in the metadata's
 * actor (id, role, org); the role is the one that authorized the read.
 */
export const RecordAccessed = defineEvent({
  type: 'RecordAccessed',
  category: ACCESS_CATEGORY,
  version: 1,
  schema: z.strictObject({
    resource: pub(AccessedResourceSchema),
    caseId: pub(uuid()).optional(),
    // Which record within the resource, when the route names one (a worker's statement, a partner):
    // it may identify a person, so personal.
    subjectId: personal(uuid()).optional(),
    // The route or query, without personal data: `GET /api/v1/complaints/:caseId`.
    operation: pub(text(300)),
    accessedAt: pub(instant()),
  }),
});
export type RecordAccessed = z.infer<typeof RecordAccessed.schema>;
