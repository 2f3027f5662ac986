import { registerEnumType } from 'type-graphql';
import type { RestartPriority as RestartPriorityValue } from '../domain/virtual-machine';

export const RestartPriority = {
  DISABLED: 'DISABLED',
  LOW: 'LOW',
  MEDIUM: 'MEDIUM',
  HIGH: 'HIGH',
} as const satisfies { [P in RestartPriorityValue]: P };

registerEnumType(RestartPriority, { name: 'RestartPriority' });
