import type { FoiaEvent } from '@lse/contracts';
import { localDateOf } from '../clock/calendar';
import { officeDate } from '../clock/clock';
import { clockRuleFor } from '../clock/rules';
import { openRequest } from '../open';
import type { FoiaState } from '../state';
import type { FoiaLifecycleCommand } from './commands';
import { AlreadyAcknowledgedError } from './errors';

/**
 * The request's tracking number: its year of receipt where the office is, and the first 8 hex of
 * its id (unique enough to quote on the phone; the id itself stays the key).
 */
export function trackingNumberOf(requestId: string, receivedAt: string, timeZone: string): string {
  return `FOIA-${localDateOf(receivedAt, timeZone).slice(0, 4)}-${requestId.slice(0, 8).toUpperCase()}`;
}

/**
 * The acknowledgment gives the requester the tracking number (5 U.S.C. § 552(a)(7)(A): an
 * individualized tracking number for a request that will take longer than ten days). Once.
 */
export function decideAcknowledgment(
  command: Extract<FoiaLifecycleCommand, { type: 'AcknowledgeFoiaRequest' }>,
  state: FoiaState,
): FoiaEvent[] {
  const current = openRequest(state, command.requestId);
  if (current.lifecycle.acknowledgment)
    throw new AlreadyAcknowledgedError(current.lifecycle.acknowledgment.trackingNumber);
  const rule = clockRuleFor(current.request.jurisdiction);
  const trackingNumber = trackingNumberOf(
    command.requestId,
    current.request.receivedAt,
    rule.calendar.timeZone,
  );
  return [
    {
      type: 'FoiaRequestAcknowledged',
      data: { trackingNumber, acknowledgedOn: officeDate(rule, command.now) },
    },
  ];
}
