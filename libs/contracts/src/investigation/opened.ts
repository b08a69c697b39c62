import { z } from 'zod';
import { commercial, deliberative, enforcementSensitive, personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { instant, officeCode, text, uuid } from '../fields';
import { PRIORITIES } from '../complaint/parts';
import { EmployerAddressSchema, INVESTIGATION_CATEGORY, LIABILITY_ROLES, feinField, staffId } from './parts';

/** Reaction to complaint CaseOpened: the case is now under investigation. */
export const InvestigationOpened = defineEvent({
  type: 'InvestigationOpened',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    caseId: pub(uuid()),
    caseNumber: pub(z.string().regex(/^LSE-\d{4}-\d{6}$/, 'expected a case number like LSE-2026-000123')),
    // How hard the case is pursued, while open: (b)(7)(A), as on CaseOpened.
    priority: enforcementSensitive(z.enum(PRIORITIES)),
    office: pub(officeCode()),
    openedAt: pub(instant()),
  }),
});
export type InvestigationOpened = z.infer<typeof InvestigationOpened.schema>;

/** Assignment and reassignment (then `previousInvestigatorId` is set); only a supervisor assigns. */
export const InvestigatorAssigned = defineEvent({
  type: 'InvestigatorAssigned',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    // Staff names in law-enforcement records are (b)(7)(C), as the envelope's actor id.
    investigatorId: personal(staffId()),
    previousInvestigatorId: personal(staffId()).optional(),
    assignedBy: personal(staffId()),
    assignedAt: pub(instant()),
    reason: deliberative(text(2000)).optional(),
  }),
});
export type InvestigatorAssigned = z.infer<typeof InvestigatorAssigned.schema>;

export const EmployerAdded = defineEvent({
  type: 'EmployerAdded',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    employerId: pub(uuid()),
    name: pub(text(300)),
    tradeName: pub(text(300)).optional(),
    address: EmployerAddressSchema.optional(),
    fein: commercial(feinField()).optional(),
    role: pub(z.enum(LIABILITY_ROLES)),
    // Why this business is liable (control over work, common ownership, ...): the investigator's analysis.
    basis: deliberative(text(4000)),
  }),
});
export type EmployerAdded = z.infer<typeof EmployerAdded.schema>;
