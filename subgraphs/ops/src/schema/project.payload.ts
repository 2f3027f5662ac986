import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../platform/src';
import { Project } from './project.type';

@ObjectType('ProjectPayload')
export class ProjectPayload {
  @Field(() => Project, { nullable: true }) project?: Project;
  @Field(() => [UserError]) userErrors!: UserError[];
}
