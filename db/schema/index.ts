export * from './tenants';
export * from './licenses';
export * from './users';
export * from './auth';
export * from './audit';
export * from './email';
export * from './configurations';
export * from './reseller-portal';
