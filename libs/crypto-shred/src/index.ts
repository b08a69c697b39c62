export * from './master-key';
export * from './leaf-cipher';
export * from './seal';
export * from './subject-keys';
export * from './sealed-event-store';
export * from './sealing';
export * from './rotation';
