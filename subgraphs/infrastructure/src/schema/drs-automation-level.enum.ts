import { registerEnumType } from 'type-graphql';
import type { DrsAutomationLevel } from '../domain/cluster';

export const DrsAutomationLevelEnum = {
  MANUAL: 'MANUAL',
  PARTIAL: 'PARTIAL',
  FULL: 'FULL',
} as const satisfies Record<DrsAutomationLevel, DrsAutomationLevel>;

registerEnumType(DrsAutomationLevelEnum, {
  name: 'DrsAutomationLevel',
  valuesConfig: {
    MANUAL: { description: 'Recommendations only; a person approves and applies.' },
    PARTIAL: { description: 'Initial placement automatic; balancing recommendations need approval.' },
    FULL: { description: 'Recommendations are applied automatically.' },
  },
});
