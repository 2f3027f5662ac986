import { registerEnumType } from 'type-graphql';
import type { ChangeKind } from '../../../platform/src';

export const ChangeKindEnum = {
  CREATED: 'CREATED',
  UPDATED: 'UPDATED',
  DELETED: 'DELETED',
} as const satisfies Record<ChangeKind, ChangeKind>;

registerEnumType(ChangeKindEnum, { name: 'ChangeKind' });
