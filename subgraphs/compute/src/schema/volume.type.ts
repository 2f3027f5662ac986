import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The storage-network subgraph's Volume as compute sees it: the id, plus `attachedTo`,
 * which compute contributes from vm_disks (VolumeResolver). Also `VmDisk.volume`.
 */
@Directive('@key(fields: "id")')
@ObjectType('Volume')
export class Volume {
  @Field(() => ID) id!: string;
}
