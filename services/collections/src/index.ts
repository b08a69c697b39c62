export * from './config';
export * from './bootstrap';
export * from './collections.module';
export * from './migrate';
export * from '@lse/collections-domain';
export { CollectionsProjector, rebuildCollectionsReadModels } from './read-models/projector';
export { createCollectionsDataSource } from './read-models/data-source';
export { InstallmentChecker } from './scheduled/installment-checker';
export { escapeHtml, renderDebtorStatement, renderWorkerStatement } from './statements/render-html';
