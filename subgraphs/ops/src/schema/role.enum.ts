import { registerEnumType } from 'type-graphql';

export const RoleEnum = {
  ADMIN: 'ADMIN',
  OPERATOR: 'OPERATOR',
  VIEWER: 'VIEWER',
} as const;

registerEnumType(RoleEnum, { name: 'Role' });
