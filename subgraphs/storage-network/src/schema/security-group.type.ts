import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A named set of firewall rules applied to VM NICs. `rules` comes from its resolver;
 * `virtualMachines` is contributed by compute, which owns the NICs.
 */
@Directive('@key(fields: "id")')
@ObjectType('SecurityGroup')
export class SecurityGroup {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Boolean) isDefault!: boolean;
  @Field(() => Date) createdAt!: Date;
}
