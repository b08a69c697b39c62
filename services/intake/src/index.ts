export * from './config';
export * from './bootstrap';
export * from './intake.module';
export * from './migrate';
export * from '@lse/intake-domain';
export { rebuildIntakeReadModels, IntakeProjector, type RebuildProgress } from './read-models/projector';
export { createIntakeDataSource } from './read-models/data-source';
export {
  normalizeEmployerName,
  normalizeFein,
  normalizeAddress,
} from './read-models/employer-index/normalize';
