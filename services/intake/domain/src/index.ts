export * from './commands';
export * from './decider';
export * from './errors';
export * from './limitations';
export * from './policy';
export * from './state';
export * from './triage';
export * from './case-status';
