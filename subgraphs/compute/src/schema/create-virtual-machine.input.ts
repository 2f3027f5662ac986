import { Field, ID, InputType } from 'type-graphql';
import { LabelInput } from '../../../platform/src';
import { VmDiskInput } from './vm-disk.input';
import { VmNicInput } from './vm-nic.input';
import { VmSpecInput } from './vm-spec.input';

@InputType('CreateVirtualMachineInput')
export class CreateVirtualMachineInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID) projectId!: string;
  @Field(() => [LabelInput], { nullable: true }) labels?: LabelInput[] | null;
  @Field(() => VmSpecInput) spec!: VmSpecInput;
  @Field(() => [VmDiskInput], { nullable: true }) disks?: VmDiskInput[] | null;
  @Field(() => [VmNicInput], { nullable: true }) nics?: VmNicInput[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Start it once created (default true).' }) start?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Pin to a host; the scheduler still checks it fits.' }) hostId?: string | null;

  @Field(() => String, { nullable: true, description: 'Retrying with the same key returns the first result and creates nothing new.' })
  idempotencyKey?: string | null;
}
