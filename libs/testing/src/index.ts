export * from './connection';
export * from './database';
export * from './nats-server';
