export * from './connection';
export * from './database';
export * from './nats-server';
export * from './eventually';
