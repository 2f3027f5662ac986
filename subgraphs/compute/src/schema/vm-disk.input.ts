import { Field, ID, InputType, Int } from 'type-graphql';

/** Part of the contract; createVirtualMachine refuses disks for now (attachVolume comes later). */
@InputType('VmDiskInput')
export class VmDiskInput {
  @Field(() => ID, { nullable: true, description: 'Attach an existing volume...' }) volumeId?: string | null;
  @Field(() => Int, { nullable: true, description: '...or create one of this size in this pool.' }) sizeGib?: number | null;
  @Field(() => ID, { nullable: true }) poolId?: string | null;
  @Field(() => Int, { nullable: true }) bootIndex?: number | null;
}
