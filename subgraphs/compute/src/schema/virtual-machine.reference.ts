import type { ComputeContext } from '../context';
import type { VirtualMachineService } from '../services/virtual-machine.service';

/** `_entities` for VirtualMachine: batched by the request's vmById loader, checked for vm:read. */
export function virtualMachineReference(vms: VirtualMachineService) {
  return { __resolveReference: (ref: { id: string }, ctx: ComputeContext) => vms.get(ctx, ref.id) };
}
