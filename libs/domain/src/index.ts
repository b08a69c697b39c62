export * from './errors';
export * from './decider';
export * from './given';
export * from './money';
export * from './allocate';
export * from './clock';
export * from './uuid';
export * from './dates';
