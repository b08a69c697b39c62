export * from './model';
export * from './schemas';
export * from './rule-sets';
export * from './errors';
export * from './catalog';
export { computeBackWages, ROUNDING_RULE } from './compute';
