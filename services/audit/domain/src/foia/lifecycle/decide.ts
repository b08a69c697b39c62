import type { FoiaEvent } from '@lse/contracts';
import type { FoiaState } from '../state';
import { decideAcknowledgment } from './acknowledgment';
import { decideAppealDecision, decideAppealReceived } from './appeal';
import { decideClarificationReceived, decideClarificationRequest } from './clarification';
import type { FoiaLifecycleCommand } from './commands';
import { decideFeeEstimate, decideFeeWaiver, decidePayment } from './fees';
import { decideDenial, decideNoRecords, decideReferral } from './responses';

/** The decisions of a request's life after receipt, one module per use case. */
export function decideLifecycle(command: FoiaLifecycleCommand, state: FoiaState): FoiaEvent[] {
  switch (command.type) {
    case 'AcknowledgeFoiaRequest':
      return decideAcknowledgment(command, state);
    case 'RequestFoiaClarification':
      return decideClarificationRequest(command, state);
    case 'ReceiveFoiaClarification':
      return decideClarificationReceived(command, state);
    case 'EstimateFoiaFee':
      return decideFeeEstimate(command, state);
    case 'DecideFoiaFeeWaiver':
      return decideFeeWaiver(command, state);
    case 'RecordFoiaPayment':
      return decidePayment(command, state);
    case 'DenyFoiaRequest':
      return decideDenial(command, state);
    case 'RespondNoFoiaRecords':
      return decideNoRecords(command, state);
    case 'ReferFoiaRequest':
      return decideReferral(command, state);
    case 'ReceiveFoiaAppeal':
      return decideAppealReceived(command, state);
    case 'DecideFoiaAppeal':
      return decideAppealDecision(command, state);
  }
}
