export * from './commands';
export * from './decider';
export * from './determination/issued';
export * from './errors';
export * from './state';
export * from './figures';
export * from './rule-set-catalog';
