import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Label, Resources } from '../../../platform/src';
import type { HostPhase } from '../domain/host';
import { HostPhaseEnum } from './host-phase.enum';
import { HostUsageType } from './host-usage.type';

/**
 * A hypervisor host. Resolvers hand out the domain `Host`, whose fields match these by name;
 * `labels` (a map in the domain) and `cluster` come from HostResolver. `virtualMachines` is
 * contributed by the compute subgraph.
 */
@Directive('@key(fields: "id")')
@ObjectType('Host')
export class HostType {
  @Field(() => ID) id!: string;
  @Field(() => String) hostname!: string;
  @Field(() => String, { description: "host:port of the agent's gRPC endpoint." }) agentAddress!: string;
  @Field(() => [Label]) labels!: Label[];
  @Field(() => HostPhaseEnum) phase!: HostPhase;
  @Field(() => Boolean, { description: 'False when cordoned: the scheduler places nothing new here.' }) schedulable!: boolean;
  @Field(() => Resources, { description: 'Physical resources.' }) capacity!: Resources;
  @Field(() => Resources, { description: 'What the scheduler may hand out: capacity times the overcommit ratios.' }) allocatable!: Resources;
  @Field(() => Resources, { description: 'Sum of the VMs placed here.' }) allocated!: Resources;
  @Field(() => HostUsageType, { nullable: true, description: "Live figures from the agent's last heartbeat." }) usage!: HostUsageType | null;
  @Field(() => Date, { nullable: true }) lastHeartbeatAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}
