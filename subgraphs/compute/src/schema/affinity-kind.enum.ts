import { registerEnumType } from 'type-graphql';
import type { AffinityKind as AffinityKindValue } from '../domain/affinity-rule';

export const AffinityKind = {
  AFFINITY: 'AFFINITY',
  ANTI_AFFINITY: 'ANTI_AFFINITY',
} as const satisfies { [K in AffinityKindValue]: K };

registerEnumType(AffinityKind, {
  name: 'AffinityKind',
  valuesConfig: {
    AFFINITY: { description: 'Keep the VMs on the same host.' },
    ANTI_AFFINITY: { description: 'Keep the VMs on different hosts.' },
  },
});
