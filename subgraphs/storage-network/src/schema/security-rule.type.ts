import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Direction, Protocol, RuleAction } from './security-rule.enum';

/** One firewall rule of a security group; reached only through its group, so not an entity. */
@ObjectType('SecurityRule')
export class SecurityRule {
  @Field(() => ID) id!: string;
  @Field(() => Direction) direction!: Direction;
  @Field(() => Protocol) protocol!: Protocol;
  @Field(() => String, { nullable: true, description: 'e.g. 22 or 8000-8080; null for all ports.' }) portRange!: string | null;
  @Field(() => String, { description: 'CIDR, e.g. 0.0.0.0/0.' }) remoteCidr!: string;
  @Field(() => RuleAction) action!: RuleAction;
  @Field(() => Int) priority!: number;
  @Field(() => String, { nullable: true }) description!: string | null;
}
