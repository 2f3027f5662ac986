import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { StoragePhase, StoragePoolType } from './storage-pool.enum';

/** A storage backend volumes are carved from. `hosts` and `volumes` come from its resolver. */
@Directive('@key(fields: "id")')
@ObjectType('StoragePool')
export class StoragePool {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => StoragePoolType) type!: StoragePoolType;
  @Field(() => StoragePhase) phase!: StoragePhase;
  @Field(() => Int) capacityGib!: number;
  @Field(() => Int, { description: 'Provisioned to volumes.' }) allocatedGib!: number;
  @Field(() => Date) createdAt!: Date;
}
