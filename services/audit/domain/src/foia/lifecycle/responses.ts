import { EXEMPTION_CATALOGS, type FoiaEvent } from '@lse/contracts';
import { officeDate } from '../clock/clock';
import { clockRuleFor } from '../clock/rules';
import { UnknownJurisdictionError } from '../errors';
import { openRequest } from '../open';
import type { FoiaState } from '../state';
import type { FoiaLifecycleCommand } from './commands';
import { UnknownExemptionError } from './errors';

type Command<T extends FoiaLifecycleCommand['type']> = Extract<FoiaLifecycleCommand, { type: T }>;

/*
 * Final responses other than a release: each closes the request, and the appeal window counts
 * from its date (5 U.S.C. § 552(a)(6)(A)(i)(III)(aa)).
 */

const respondedOn = (jurisdiction: string, now: string) => officeDate(clockRuleFor(jurisdiction), now);

/** Withheld in full: every exemption cited must be one of the jurisdiction's catalog (5 U.S.C. § 552(b)). */
export function decideDenial(command: Command<'DenyFoiaRequest'>, state: FoiaState): FoiaEvent[] {
  const current = openRequest(state, command.requestId);
  const { jurisdiction } = current.request;
  if (!Object.hasOwn(EXEMPTION_CATALOGS, jurisdiction))
    throw new UnknownJurisdictionError(jurisdiction, Object.keys(EXEMPTION_CATALOGS));
  const catalog = EXEMPTION_CATALOGS[jurisdiction];
  const unknown = command.exemptions.filter((code) => !Object.hasOwn(catalog.exemptions, code));
  if (unknown.length > 0)
    throw new UnknownExemptionError(unknown, catalog.law, Object.keys(catalog.exemptions));
  return [
    {
      type: 'FoiaRequestDenied',
      data: {
        exemptions: [...new Set(command.exemptions)],
        reason: command.reason,
        respondedOn: respondedOn(jurisdiction, command.now),
      },
    },
  ];
}

/** A reasonable search found nothing responsive: said so, with where it searched. */
export function decideNoRecords(command: Command<'RespondNoFoiaRecords'>, state: FoiaState): FoiaEvent[] {
  const current = openRequest(state, command.requestId);
  return [
    {
      type: 'FoiaNoRecordsFound',
      data: { search: command.search, respondedOn: respondedOn(current.request.jurisdiction, command.now) },
    },
  ];
}

/** The records are another agency's: the request goes to it (28 CFR § 16.4(d)(3)). */
export function decideReferral(command: Command<'ReferFoiaRequest'>, state: FoiaState): FoiaEvent[] {
  const current = openRequest(state, command.requestId);
  return [
    {
      type: 'FoiaRequestReferred',
      data: {
        agency: command.agency,
        reason: command.reason,
        respondedOn: respondedOn(current.request.jurisdiction, command.now),
      },
    },
  ];
}
