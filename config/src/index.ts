export * from './durations';
export * from './calendar';
export * from './policy';
export * from './vocabulary';
export * from './municipality';
export * from './outbox';
export * from './documents';
export * from './citizen';
