import { Field, ID, InputType } from 'type-graphql';
import { LabelInput } from '../../../platform/src';
import type { VmState as VmStateValue } from '../domain/virtual-machine';
import { VmState } from './vm-state.enum';

/** Every given criterion must hold; validated in VirtualMachineService. */
@InputType('VirtualMachineFilter')
export class VirtualMachineFilter {
  @Field(() => ID, { nullable: true }) projectId?: string | null;
  @Field(() => ID, { nullable: true }) hostId?: string | null;
  @Field(() => [VmState], { nullable: true }) states?: VmStateValue[] | null;
  @Field(() => [LabelInput], { nullable: true }) labels?: LabelInput[] | null;
  @Field(() => String, { nullable: true }) nameContains?: string | null;
}
