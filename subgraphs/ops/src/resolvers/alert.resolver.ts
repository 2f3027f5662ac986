import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Alert as AlertModel } from '../domain/alert';
import type { OpsContext } from '../ops-context';
import { AlertFilter } from '../schema/alert-filter.input';
import { AlertRule } from '../schema/alert-rule.type';
import { Alert, AlertConnection } from '../schema/alert.type';
import type { AlertService } from '../services/alert.service';

@Resolver(() => Alert)
export class AlertResolver {
  constructor(private readonly service: AlertService) {}

  @Query(() => AlertConnection, { description: 'Newest first.' })
  alerts(
    @Ctx() ctx: OpsContext,
    @Arg('filter', () => AlertFilter, { nullable: true }) filter?: AlertFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return this.service.page(ctx, filter, { first, after });
  }

  @Query(() => [AlertRule])
  alertRules(@Ctx() ctx: OpsContext) {
    return this.service.rules(ctx);
  }

  @FieldResolver(() => AlertRule, { nullable: true })
  rule(@Root() alert: AlertModel, @Ctx() ctx: OpsContext) {
    return this.service.ruleOf(ctx, alert);
  }
}
