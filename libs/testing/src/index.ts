export * from './connection';
export * from './database';
