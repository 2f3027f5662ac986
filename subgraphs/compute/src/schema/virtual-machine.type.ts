import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { VmState as VmStateValue } from '../domain/virtual-machine';
import { VmState } from './vm-state.enum';

/**
 * A virtual machine. The plain fields are read from the domain object as they are; the
 * related objects and lists (project, labels, spec, host, disks, nics, snapshots,
 * affinityRules, tasks) are field resolvers in VirtualMachineResolver, batched per request.
 */
@Directive('@key(fields: "id")')
@ObjectType('VirtualMachine')
export class VirtualMachine {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;

  @Field(() => VmState, { description: 'The state the control plane drives the VM towards: RUNNING or STOPPED.' })
  desiredState!: VmStateValue;

  @Field(() => VmState) state!: VmStateValue;

  // Beyond the contract: a FAILED VM whose failure no task recorded (the host lost it, the
  // reconciler gave up) would otherwise carry no explanation at all.
  @Field(() => String, { nullable: true, description: 'Why the VM is FAILED, or what the control plane last could not do to it.' })
  stateReason!: string | null;
  @Field(() => String, { nullable: true }) createdBy!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}
