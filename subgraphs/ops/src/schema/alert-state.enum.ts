import { registerEnumType } from 'type-graphql';

export const AlertStateEnum = {
  FIRING: 'FIRING',
  ACKNOWLEDGED: 'ACKNOWLEDGED',
  RESOLVED: 'RESOLVED',
} as const;

registerEnumType(AlertStateEnum, { name: 'AlertState' });
