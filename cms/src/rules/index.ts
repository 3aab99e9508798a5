export * from './violation';
export * from './dates';
export * from './complaint-status';
export * from './complaint';
export * from './statement-request';
export * from './opinion';
export * from './case-number';
