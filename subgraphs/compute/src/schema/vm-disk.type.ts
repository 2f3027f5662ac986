import { Field, Int, ObjectType } from 'type-graphql';
import type { VmDisk as VmDiskValue } from '../domain/virtual-machine';
import { Volume } from './volume.type';

@ObjectType('VmDisk')
export class VmDisk {
  @Field(() => Volume) volume!: Volume;
  @Field(() => Int, { nullable: true }) bootIndex!: number | null;

  static from(disk: VmDiskValue): VmDisk {
    return { volume: { id: disk.volumeId }, bootIndex: disk.bootIndex };
  }
}
