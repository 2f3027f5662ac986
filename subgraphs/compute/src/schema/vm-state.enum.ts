import { registerEnumType } from 'type-graphql';
import type { VmState as VmStateValue } from '../domain/virtual-machine';

export const VmState = {
  PENDING: 'PENDING',
  STOPPED: 'STOPPED',
  STARTING: 'STARTING',
  RUNNING: 'RUNNING',
  STOPPING: 'STOPPING',
  MIGRATING: 'MIGRATING',
  FAILED: 'FAILED',
  DELETING: 'DELETING',
} as const satisfies { [S in VmStateValue]: S };

registerEnumType(VmState, {
  name: 'VmState',
  valuesConfig: {
    PENDING: { description: 'Accepted; not yet placed or not yet created on its host.' },
    FAILED: { description: "The host or the agent reported a failure; see the VM's last task." },
  },
});
