/*
 * Resources another service creates by reacting to an event. Their routes answer 404 with
 * Retry-After until the reaction is recorded (EndpointSpec.eventual); the document says what each
 * waits for, so a client polls rather than guesses. The case history
 * (GET /cases/{caseId}/history) shows the triggering event and the reaction, each with its cause.
 */

export const INVESTIGATION_OPENED_BY_REACTION =
  'investigation opens the investigation by itself when intake opens the case (CaseOpened -> InvestigationOpened), usually within a second of POST /complaints/{caseId}/open.';

export const COLLECTION_OPENED_BY_REACTION =
  'collections opens the case by itself when investigation issues a determination with amounts owed (DeterminationIssued -> CollectionCaseOpened); a determination with nothing owed never opens one.';

export const COMPLAINT_FROM_REFERRAL =
  'a partner referral becomes a complaint under the same id (the referral id is the case id) once intake receives it (ReferralSubmitted -> ComplaintReceived).';
