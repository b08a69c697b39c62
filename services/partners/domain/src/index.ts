export * from './errors';
export * from './partner/partner';
export * from './agreement/agreement';
export * from './referral/referral';
export * from './disclosure/matrix';
export * from './disclosure/policy';
export * from './outreach/outreach';
