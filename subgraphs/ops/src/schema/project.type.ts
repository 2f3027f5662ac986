import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Quota } from './quota.type';

@Directive('@key(fields: "id")')
@ObjectType('Project')
export class Project {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Quota, { description: 'Null limits mean unlimited.' }) quota!: Quota;
  @Field(() => Quota, { description: "What the project's VMs and volumes use now." }) usage!: Quota;
  @Field(() => Date) createdAt!: Date;
}
