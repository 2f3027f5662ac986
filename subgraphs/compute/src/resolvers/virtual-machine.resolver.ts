import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Label, labelsToList, type Connection } from '../../../platform/src';
import type { ComputeContext } from '../context';
import type * as domain from '../domain/virtual-machine';
import type { AffinityRule as AffinityRuleValue } from '../domain/affinity-rule';
import type { Task as TaskValue } from '../domain/task';
import { AffinityRule } from '../schema/affinity-rule.type';
import { Host } from '../schema/host.type';
import { ProjectRef } from '../schema/project-ref.type';
import { Snapshot } from '../schema/snapshot.type';
import { TaskConnection } from '../schema/task-connection.type';
import { VirtualMachineConnection } from '../schema/virtual-machine-connection.type';
import { VirtualMachineFilter } from '../schema/virtual-machine-filter.input';
import { VirtualMachine } from '../schema/virtual-machine.type';
import { VmDisk } from '../schema/vm-disk.type';
import { VmNic } from '../schema/vm-nic.type';
import { VmSpec } from '../schema/vm-spec.type';
import type { AffinityRuleService } from '../services/affinity-rule.service';
import type { TaskService } from '../services/task.service';
import type { VirtualMachineService } from '../services/virtual-machine.service';

@Resolver(() => VirtualMachine)
export class VirtualMachineResolver {
  constructor(
    private readonly vms: VirtualMachineService,
    private readonly taskService: TaskService,
    private readonly affinityRuleService: AffinityRuleService,
  ) {}

  @Query(() => VirtualMachine, { nullable: true })
  virtualMachine(@Arg('id', () => ID) id: string, @Ctx() ctx: ComputeContext): Promise<domain.VirtualMachine | null> {
    return this.vms.get(ctx, id);
  }

  @Query(() => VirtualMachineConnection)
  virtualMachines(
    @Arg('filter', () => VirtualMachineFilter, { nullable: true }) filter: VirtualMachineFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ComputeContext,
  ): Promise<Connection<domain.VirtualMachine>> {
    return this.vms.list(ctx, filter, { first, after });
  }

  @FieldResolver(() => ProjectRef)
  project(@Root() vm: domain.VirtualMachine): ProjectRef {
    return { id: vm.projectId };
  }

  @FieldResolver(() => [Label])
  labels(@Root() vm: domain.VirtualMachine): Label[] {
    return labelsToList(vm.labels);
  }

  @FieldResolver(() => VmSpec)
  spec(@Root() vm: domain.VirtualMachine): VmSpec {
    return VmSpec.from(vm.spec);
  }

  @FieldResolver(() => Host, { nullable: true })
  host(@Root() vm: domain.VirtualMachine): Host | null {
    return vm.hostId ? { id: vm.hostId } : null;
  }

  @FieldResolver(() => [VmDisk])
  async disks(@Root() vm: domain.VirtualMachine, @Ctx() ctx: ComputeContext): Promise<VmDisk[]> {
    return (await this.vms.disks(ctx, vm)).map(VmDisk.from);
  }

  @FieldResolver(() => [VmNic])
  async nics(@Root() vm: domain.VirtualMachine, @Ctx() ctx: ComputeContext): Promise<VmNic[]> {
    return (await this.vms.nics(ctx, vm)).map(VmNic.from);
  }

  @FieldResolver(() => [Snapshot])
  snapshots(@Root() vm: domain.VirtualMachine, @Ctx() ctx: ComputeContext): Promise<domain.Snapshot[]> {
    return this.vms.snapshots(ctx, vm);
  }

  @FieldResolver(() => [AffinityRule])
  affinityRules(@Root() vm: domain.VirtualMachine, @Ctx() ctx: ComputeContext): Promise<AffinityRuleValue[]> {
    return this.affinityRuleService.forVm(ctx, vm);
  }

  /** Tasks acting on the VM, newest first. */
  @FieldResolver(() => TaskConnection)
  tasks(
    @Root() vm: domain.VirtualMachine,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ComputeContext,
  ): Promise<Connection<TaskValue>> {
    return this.taskService.forTarget(ctx, vm.id, { first, after });
  }
}
