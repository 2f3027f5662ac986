import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { ComputeContext } from '../context';
import type * as domain from '../domain/affinity-rule';
import type { VirtualMachine as VirtualMachineValue } from '../domain/virtual-machine';
import { AffinityRule } from '../schema/affinity-rule.type';
import { VirtualMachine } from '../schema/virtual-machine.type';
import type { AffinityRuleService } from '../services/affinity-rule.service';

@Resolver(() => AffinityRule)
export class AffinityRuleResolver {
  constructor(private readonly rules: AffinityRuleService) {}

  @Query(() => [AffinityRule])
  affinityRules(@Ctx() ctx: ComputeContext): Promise<domain.AffinityRule[]> {
    return this.rules.list(ctx);
  }

  @FieldResolver(() => [VirtualMachine])
  virtualMachines(@Root() rule: domain.AffinityRule, @Ctx() ctx: ComputeContext): Promise<VirtualMachineValue[]> {
    return this.rules.members(ctx, rule);
  }
}
