export * from './organisation';
export * from './meeting';
export * from './justering';
export * from './audit';
export * from './workspace';
export * from './settings';
export * from './trust';
export * from './kallelse';
