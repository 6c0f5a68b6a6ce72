export * from './codes';
export * from './fields';
export * from './findings';
export * from './forms';
export * from './rules';
export * from './time';
export * from './workflow';
