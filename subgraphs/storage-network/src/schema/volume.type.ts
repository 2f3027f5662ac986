import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Provisioning, VolumePhase } from './volume.enum';

/**
 * A block device in a pool. `pool` and `project` come from its resolver; `attachedTo` is
 * contributed by compute, which owns the attachments.
 */
@Directive('@key(fields: "id")')
@ObjectType('Volume')
export class Volume {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) sizeGib!: number;
  @Field(() => Provisioning) provisioning!: Provisioning;
  @Field(() => VolumePhase) phase!: VolumePhase;
  @Field(() => Date) createdAt!: Date;
}
