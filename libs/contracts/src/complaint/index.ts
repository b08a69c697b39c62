import type { z } from 'zod';
import { ComplaintAmended } from './amended';
import { JurisdictionAssessed, LimitationsAssessed, TriageScored } from './assessments';
import {
  CaseOpened,
  ComplaintDeclined,
  ComplaintMerged,
  ComplaintMergedIn,
  ComplaintReferredOut,
  ComplaintWithdrawn,
  DuplicateAttached,
  DuplicateLinked,
  RelatedCaseLinked,
} from './outcomes';
import { ComplaintReceived } from './received';

export * from './parts';
export * from './received';
export * from './amended';
export * from './assessments';
export * from './outcomes';
export * from './commands';
export * from './replies';

/** Every event of the complaint stream, by type. */
export const COMPLAINT_EVENTS = {
  ComplaintReceived,
  ComplaintAmended,
  JurisdictionAssessed,
  LimitationsAssessed,
  TriageScored,
  DuplicateLinked,
  ComplaintReferredOut,
  ComplaintDeclined,
  ComplaintWithdrawn,
  CaseOpened,
  DuplicateAttached,
  RelatedCaseLinked,
  ComplaintMerged,
  ComplaintMergedIn,
} as const;

type Definitions = typeof COMPLAINT_EVENTS;
export type ComplaintEventType = keyof Definitions;
/** A complaint event as deciders see it: `{ type, data }`, discriminated by `type`. */
export type ComplaintEvent = {
  [K in ComplaintEventType]: { type: K; data: z.output<Definitions[K]['schema']> };
}[ComplaintEventType];
