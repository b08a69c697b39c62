export * from './model';
export * from './schemas';
export * from './rule-sets';
export { computeBackWages, ROUNDING_RULE } from './compute';
