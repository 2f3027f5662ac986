import { registerEnumType } from 'type-graphql';

export const SeverityEnum = {
  CRITICAL: 'CRITICAL',
  WARNING: 'WARNING',
  INFO: 'INFO',
} as const;

registerEnumType(SeverityEnum, { name: 'Severity' });
