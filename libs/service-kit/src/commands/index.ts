export * from './clock';
export * from './command-ids';
export * from './request-envelope';
export * from './stream-commands';
export * from './reactions';
export * from './decide-and-append';
export * from './scheduled';
