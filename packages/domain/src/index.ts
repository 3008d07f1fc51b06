export * from './roles.ts';
export * from './validators.ts';
export * from './me.ts';
export * from './problem.ts';
