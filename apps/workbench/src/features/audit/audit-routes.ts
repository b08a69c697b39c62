/** The API operations the auditor's screens stand on (x-roles decide who sees them). */
export const READ_HISTORY = 'GET /api/v1/cases/{caseId}/history';
export const READ_STATE = 'GET /api/v1/cases/{caseId}/state';
export const READ_ACCESS = 'GET /api/v1/cases/{caseId}/record-access';
export const VERIFY = 'GET /api/v1/integrity/verification';
export const LATEST_CHECKPOINT = 'GET /api/v1/integrity/checkpoints/latest';
export const TAKE_CHECKPOINT = 'POST /api/v1/integrity/checkpoints';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
