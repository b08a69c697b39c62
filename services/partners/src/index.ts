export * from './config';
export * from './bootstrap';
export * from './partners.module';
export * from './migrate';
export * from '@lse/partners-domain';
export { rebuildPartnersReadModels, PartnersProjector } from './read-models/projector';
export { createPartnersDataSource } from './read-models/data-source';
export { AgreementExpiry, expiryEventId } from './scheduled/agreement-expiry';
