import type { ComplaintReceived, ReferralSubmitted } from '@lse/contracts';

/**
 * The complaint a partner referral becomes: the referred workers are its complainants (their
 * consent to share stays with the referral, in partners), under the referral's own id, which is
 * the case id. A consulate's referral comes in on the consulate channel.
 */
export function complaintFromReferral(referralId: string, referral: ReferralSubmitted): ComplaintReceived {
  const kinds = [...new Set(referral.prepWork.map((p) => p.kind.replace(/_/g, ' ')))];
  return {
    channel: referral.partnerType === 'consulate' ? 'consulate_referral' : 'partner_referral',
    referralId,
    receivedAt: referral.submittedAt,
    office: referral.office,
    complainants: referral.workers.map((w) => ({
      complainantId: w.workerId,
      name: w.name,
      ...(w.phone ? { phone: w.phone } : {}),
      ...(w.email ? { email: w.email } : {}),
      preferredLanguage: w.preferredLanguage,
      interpreterNeeded: w.interpreterNeeded,
      confidentialityRequested: w.confidentialityRequested,
      role: 'worker' as const,
    })),
    employer: referral.employer,
    allegations: referral.allegations,
    // Only the kinds of prep work and the document count: the partner's narratives stay in its referral.
    intakeNotes:
      `Referred by a ${referral.partnerType.replace(/_/g, ' ')} partner` +
      (kinds.length ? `; prep work: ${kinds.join(', ')}` : '') +
      `; ${referral.documents.length} document(s) attached to the referral.`,
  };
}
