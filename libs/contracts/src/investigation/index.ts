import type { z } from 'zod';
import { InvestigationOpened, InvestigatorAssigned, EmployerAdded } from './opened';
import {
  EvidenceAttached,
  InterviewRecorded,
  RecordsReceived,
  RecordsRequested,
  SubpoenaIssued,
} from './fieldwork';
import { BackWageFiguresContinued, BackWagesComputed, HoursAndWagesRecorded } from './wages';
import {
  CivilPenaltyAssessed,
  ImmigrationSupportLetterIssued,
  ImmigrationSupportLetterRequested,
  RetaliationConcernFlagged,
  ViolationFound,
} from './findings';
import {
  DeterminationApproved,
  DeterminationIssued,
  DeterminationProposed,
  InvestigationClosed,
  InvestigationReopened,
} from './determination';

export * from './parts';
export * from './opened';
export * from './fieldwork';
export * from './wages';
export * from './findings';
export * from './determination';
export * from './commands';
export * from './rule-sets';
export * from './replies';
export * from './rule-set-replies';

/** Every event of the investigation stream, by type. */
export const INVESTIGATION_EVENTS = {
  InvestigationOpened,
  InvestigatorAssigned,
  EmployerAdded,
  InterviewRecorded,
  RecordsRequested,
  RecordsReceived,
  SubpoenaIssued,
  EvidenceAttached,
  HoursAndWagesRecorded,
  BackWagesComputed,
  BackWageFiguresContinued,
  ViolationFound,
  RetaliationConcernFlagged,
  ImmigrationSupportLetterRequested,
  ImmigrationSupportLetterIssued,
  CivilPenaltyAssessed,
  DeterminationProposed,
  DeterminationApproved,
  DeterminationIssued,
  InvestigationClosed,
  InvestigationReopened,
} as const;

type Definitions = typeof INVESTIGATION_EVENTS;
export type InvestigationEventType = keyof Definitions;
/** An investigation event as deciders see it: `{ type, data }`, discriminated by `type`. */
export type InvestigationEvent = {
  [K in InvestigationEventType]: { type: K; data: z.output<Definitions[K]['schema']> };
}[InvestigationEventType];

/** Milestones partners may be told about (within their agreement and the worker's consent). */
export const INVESTIGATION_MILESTONES = [
  'InvestigationOpened',
  'DeterminationIssued',
  'InvestigationClosed',
] as const satisfies readonly InvestigationEventType[];
