import { PartnersReadModels1768600000000 } from './1768600000000-partners-read-models';
import { ReferralConsent1770500000000 } from './1770500000000-referral-consent';

/** In order. Add new migrations at the end; never edit one that has shipped. */
export const PARTNERS_MIGRATIONS = [PartnersReadModels1768600000000, ReferralConsent1770500000000];
