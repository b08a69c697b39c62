export * from './subjects';
export * from './jetstream-setup';
export * from './migrate';
export * from './reaction';
export * from './relay/event-relay';
export * from './relay/leadership';
export * from './consumer/durable-consumer';
export * from './request-reply/prefixed-nats.server';
