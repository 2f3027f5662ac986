import { Field, InputType, Int } from 'type-graphql';
import { LabelInput } from '../../../platform/src';
import type { RestartPriority as RestartPriorityValue } from '../domain/virtual-machine';
import { RestartPriority } from './restart-priority.enum';

/** Validated in the services (services/vm-input.schema.ts). */
@InputType('VmSpecInput')
export class VmSpecInput {
  @Field(() => Int) vcpus!: number;
  @Field(() => Int) memoryMib!: number;
  @Field(() => String, { nullable: true }) image?: string | null;
  @Field(() => RestartPriority, { nullable: true }) restartPriority?: RestartPriorityValue | null;
  @Field(() => [LabelInput], { nullable: true }) hostSelector?: LabelInput[] | null;
}
