// The platform kit: plumbing every subgraph and the gateway share. Domain code lives in the
// subgraphs; nothing here knows about VMs or hosts.
export * from './errors/domain-errors';
export * from './errors/error-codes';
export * from './errors/graphql-errors';
export * from './errors/format-error';
export * from './errors/user-errors';
export * from './auth/viewer';
export * from './auth/permissions';
export * from './auth/internal-token';
export * from './schema/scalars';
export * from './schema/shared.types';
export * from './schema/connection.types';
export * from './schema/federated-schema';
export * from './pagination/page';
export * from './audit/audit.middleware';
export * from './audit/audit.storage';
export * from './database/database';
export * from './database/migrations';
export * from './config/parse-config';
export * from './secrets/shared-secrets';
export * from './server/subgraph';
export * from './server/subgraph-server';
export * from './events/event-queue';
export * from './events/event-bus';
export * from './events/topics';
export * from './events/publisher';
export * from './coordination';
