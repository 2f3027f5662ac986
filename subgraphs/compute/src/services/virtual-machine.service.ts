import { z } from 'zod';
import { authorize, pageRequest, parseInput, toConnection, type Connection, type PageArgs } from '../../../platform/src';
import type { ComputeContext } from '../context';
import type { VirtualMachineStorage } from '../data/virtual-machine.storage';
import {
  VM_STATES,
  type Snapshot,
  type VirtualMachine,
  type VirtualMachineCriteria,
  type VmDisk,
  type VmNic,
  type VmState,
} from '../domain/virtual-machine';
import { isUuid } from '../domain/uuid';
import { emptyConnection, uuidString } from './argument-parsing';

/** The `VirtualMachineFilter` argument as the resolver hands it over. */
export interface VirtualMachineFilterArgs {
  projectId?: string | null;
  hostId?: string | null;
  states?: VmState[] | null;
  labels?: { key: string; value: string }[] | null;
  nameContains?: string | null;
}

const filterSchema = z.object({
  projectId: uuidString.nullish(),
  hostId: uuidString.nullish(),
  states: z.array(z.enum(VM_STATES)).nullish(),
  // Each label is one JSON-path condition; the cap keeps a query's cost bounded.
  labels: z
    .array(z.object({ key: z.string().min(1, 'must not be empty').max(253), value: z.string().max(253) }))
    .max(20)
    .nullish(),
  nameContains: z.string().max(253).nullish(),
});

function criteriaOf(filter: z.output<typeof filterSchema>): VirtualMachineCriteria {
  return {
    ...(filter.projectId ? { projectId: filter.projectId } : {}),
    ...(filter.hostId ? { hostId: filter.hostId } : {}),
    ...(filter.states ? { states: filter.states } : {}),
    ...(filter.labels ? { labels: filter.labels } : {}),
    ...(filter.nameContains ? { nameContains: filter.nameContains } : {}),
  };
}

/**
 * Reading virtual machines. Every entry point checks `vm:read`; the sub-lists of a VM
 * (disks, NICs, snapshots) are read only through a VM the caller was allowed to read.
 * Mutations (create, power, migrate...) join this class in the next issue, with the agents
 * and the scheduler as further constructor arguments.
 */
export class VirtualMachineService {
  constructor(private readonly vms: VirtualMachineStorage) {}

  /** The VM, or null when it does not exist or the id is not a UUID. */
  async get(ctx: ComputeContext, id: string): Promise<VirtualMachine | null> {
    authorize(ctx, 'vm:read');
    return isUuid(id) ? ctx.loaders.vmById.load(id) : null;
  }

  async list(ctx: ComputeContext, filter: VirtualMachineFilterArgs | null | undefined, page: PageArgs): Promise<Connection<VirtualMachine>> {
    authorize(ctx, 'vm:read');
    const criteria = criteriaOf(parseInput(filterSchema, filter ?? {}, { at: ['filter'], fieldInMessage: true }));
    const req = pageRequest(page);
    const { rows, totalCount } = await this.vms.page(criteria, req);
    return toConnection(rows, req, totalCount, (vm) => vm);
  }

  /** `Host.virtualMachines`: first pages are batched across hosts; later pages read directly. */
  async onHost(ctx: ComputeContext, hostId: string, page: PageArgs): Promise<Connection<VirtualMachine>> {
    authorize(ctx, 'vm:read');
    const req = pageRequest(page);
    if (!isUuid(hostId)) return emptyConnection();
    const { rows, totalCount } = req.after
      ? await this.vms.page({ hostId }, req)
      : await ctx.loaders.vmFirstPageByHostId.load({ parentId: hostId, size: req.size });
    return toConnection(rows, req, totalCount, (vm) => vm);
  }

  /** `Volume.attachedTo`. */
  async attachedTo(ctx: ComputeContext, volumeId: string): Promise<VirtualMachine | null> {
    authorize(ctx, 'vm:read');
    return isUuid(volumeId) ? ctx.loaders.vmByVolumeId.load(volumeId) : null;
  }

  /** `SecurityGroup.virtualMachines`: VMs with at least one NIC in the group. */
  async inSecurityGroup(ctx: ComputeContext, groupId: string): Promise<VirtualMachine[]> {
    authorize(ctx, 'vm:read');
    return isUuid(groupId) ? ctx.loaders.vmsBySecurityGroupId.load(groupId) : [];
  }

  disks(ctx: ComputeContext, vm: VirtualMachine): Promise<VmDisk[]> {
    return ctx.loaders.disksByVmId.load(vm.id);
  }

  nics(ctx: ComputeContext, vm: VirtualMachine): Promise<VmNic[]> {
    return ctx.loaders.nicsByVmId.load(vm.id);
  }

  snapshots(ctx: ComputeContext, vm: VirtualMachine): Promise<Snapshot[]> {
    return ctx.loaders.snapshotsByVmId.load(vm.id);
  }
}
