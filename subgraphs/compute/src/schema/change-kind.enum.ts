import { registerEnumType } from 'type-graphql';
import type { ChangeKind } from '../../../platform/src';

/** Also defined by the infrastructure subgraph (hostChanged), with the same values. */
export const ChangeKindEnum = {
  CREATED: 'CREATED',
  UPDATED: 'UPDATED',
  DELETED: 'DELETED',
} as const satisfies Record<ChangeKind, ChangeKind>;

registerEnumType(ChangeKindEnum, { name: 'ChangeKind' });
