import { Field, ID, InputType } from 'type-graphql';
import { LabelInput } from '../../../platform/src';
import type { HostPhase } from '../domain/host';
import { HostPhaseEnum } from './host-phase.enum';

/** Every given part must match; `phases` matches any of them, `labels` all of them. */
@InputType('HostFilter')
export class HostFilterInput {
  @Field(() => ID, { nullable: true }) clusterId?: string | null;
  @Field(() => [HostPhaseEnum], { nullable: true }) phases?: HostPhase[] | null;
  @Field(() => [LabelInput], { nullable: true }) labels?: LabelInput[] | null;
}
