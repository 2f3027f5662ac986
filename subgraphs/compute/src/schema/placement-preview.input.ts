import { Field, ID, InputType } from 'type-graphql';
import { VmSpecInput } from './vm-spec.input';

@InputType('PlacementPreviewInput')
export class PlacementPreviewInput {
  @Field(() => ID) projectId!: string;
  @Field(() => VmSpecInput) spec!: VmSpecInput;
  @Field(() => [ID], { nullable: true }) affinityRuleIds?: string[] | null;
}
