export * from './config';
export * from './bootstrap';
export * from './investigation.module';
export * from './migrate';
export * from '@lse/investigation-domain';
export { InvestigationProjector, rebuildInvestigationReadModels } from './read-models/projector';
export { createInvestigationDataSource } from './read-models/data-source';
export { FilesystemEvidenceStore, type EvidenceStore } from './evidence/evidence-store';
