export * from './model';
export * from './schemas';
export * from './rule-sets';
