import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../platform/src';
import type { Task as TaskValue } from '../domain/task';
import type { VirtualMachine as VirtualMachineValue } from '../domain/virtual-machine';
import { Task } from './task.type';
import { VirtualMachine } from './virtual-machine.type';

@ObjectType('VirtualMachinePayload')
export class VirtualMachinePayload {
  @Field(() => VirtualMachine, { nullable: true }) virtualMachine?: VirtualMachineValue | null;
  @Field(() => Task, { nullable: true }) task?: TaskValue | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
