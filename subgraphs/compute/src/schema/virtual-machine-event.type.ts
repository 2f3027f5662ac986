import { Field, ObjectType } from 'type-graphql';
import type { ChangeKind } from '../../../platform/src';
import type { VirtualMachine as VirtualMachineValue } from '../domain/virtual-machine';
import { ChangeKindEnum } from './change-kind.enum';
import { VirtualMachine } from './virtual-machine.type';

/**
 * One change of a VM, as `virtualMachineChanged` delivers it. Declared here for the composed
 * schema; the gateway builds these from the event bus and re-fetches `virtualMachine`.
 */
@ObjectType('VirtualMachineEvent')
export class VirtualMachineEvent {
  @Field(() => ChangeKindEnum) kind!: ChangeKind;

  @Field(() => VirtualMachine, { description: 'The VM as it is after the change (its id only, when DELETED).' })
  virtualMachine!: VirtualMachineValue;
}
