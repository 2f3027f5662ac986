import { Field, Int, ObjectType } from 'type-graphql';
import { Label, labelsToList } from '../../../platform/src';
import type { VmSpec as VmSpecValue } from '../domain/virtual-machine';
import { RestartPriority } from './restart-priority.enum';

@ObjectType('VmSpec')
export class VmSpec {
  @Field(() => Int) vcpus!: number;
  @Field(() => Int) memoryMib!: number;
  @Field(() => String, { nullable: true, description: 'Boot image reference, e.g. ubuntu-24.04.' }) image!: string | null;
  @Field(() => RestartPriority) restartPriority!: VmSpecValue['restartPriority'];
  @Field(() => [Label], { description: 'Host labels the VM requires (all must match).' }) hostSelector!: Label[];

  static from(spec: VmSpecValue): VmSpec {
    return { ...spec, hostSelector: labelsToList(spec.hostSelector) };
  }
}
