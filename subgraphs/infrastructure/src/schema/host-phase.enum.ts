import { registerEnumType } from 'type-graphql';
import type { HostPhase } from '../domain/host';

export const HostPhaseEnum = {
  READY: 'READY',
  NOT_READY: 'NOT_READY',
  DRAINING: 'DRAINING',
  MAINTENANCE: 'MAINTENANCE',
  UNKNOWN: 'UNKNOWN',
} as const satisfies Record<HostPhase, HostPhase>;

registerEnumType(HostPhaseEnum, {
  name: 'HostPhase',
  valuesConfig: {
    READY: { description: 'Registered, agent reachable, heartbeating.' },
    NOT_READY: { description: 'Heartbeats missed beyond the failure threshold.' },
    DRAINING: { description: 'Being emptied of VMs.' },
    MAINTENANCE: { description: 'Empty and cordoned for maintenance.' },
  },
});
