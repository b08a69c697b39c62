export * from './classification';
export * from './exemptions';
export * from './schema-walk';
export * from './unclassified';
export * from './classify-data';
export * from './roles';
/** Unclassified field factories (uuid, isoDate, instant, text...) for other schemas to classify. */
export * as fields from './fields';
export * from './envelope';
export * from './errors';
export * from './text-rule';
export * from './registry';
export * from './subjects';
export * from './complaint';
export * from './audit';
export * from './partner';
export * from './investigation';
export * from './collection';
export * from './reports';
