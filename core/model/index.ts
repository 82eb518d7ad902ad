export * from './day';
export * from './schema';
export * from './revisions';
export * from './history';
