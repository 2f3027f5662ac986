import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { SecurityGroupRecord, SecurityRuleRecord } from '../domain/security-group';
import type { StorageNetworkContext } from '../services/context';
import type { SecurityGroupService } from '../services/security-group.service';
import { SecurityGroup } from '../schema/security-group.type';
import { SecurityRule } from '../schema/security-rule.type';

@Resolver(() => SecurityGroup)
export class SecurityGroupResolver {
  constructor(private readonly groupService: SecurityGroupService) {}

  @Query(() => SecurityGroup, { nullable: true })
  securityGroup(@Arg('id', () => ID) id: string, @Ctx() ctx: StorageNetworkContext): Promise<SecurityGroupRecord | null> {
    return this.groupService.byId(ctx, id);
  }

  @Query(() => [SecurityGroup])
  securityGroups(@Ctx() ctx: StorageNetworkContext): Promise<SecurityGroupRecord[]> {
    return this.groupService.list(ctx);
  }

  @FieldResolver(() => [SecurityRule])
  rules(@Root() group: SecurityGroupRecord, @Ctx() ctx: StorageNetworkContext): Promise<SecurityRuleRecord[]> {
    return this.groupService.rules(ctx, group);
  }
}
