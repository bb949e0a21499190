export * from './tenants';
export * from './licenses';
export * from './users';
export * from './auth';
export * from './audit';
