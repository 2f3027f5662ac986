import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { runMutation } from '../../../platform/src';
import type { OpsContext } from '../ops-context';
import { CreateProjectInput } from '../schema/create-project.input';
import { ProjectPayload } from '../schema/project.payload';
import { Project } from '../schema/project.type';
import { SetProjectQuotaInput } from '../schema/set-project-quota.input';
import type { ProjectService } from '../services/project.service';

@Resolver(() => Project)
export class ProjectResolver {
  constructor(private readonly service: ProjectService) {}

  @Query(() => [Project])
  projects(@Ctx() ctx: OpsContext) {
    return this.service.list(ctx);
  }

  @Query(() => Project, { nullable: true })
  project(@Ctx() ctx: OpsContext, @Arg('id', () => ID) id: string) {
    return this.service.byId(ctx, id);
  }

  @Mutation(() => ProjectPayload)
  createProject(@Ctx() ctx: OpsContext, @Arg('input', () => CreateProjectInput) input: CreateProjectInput) {
    return runMutation(() => this.service.create(ctx, input));
  }

  @Mutation(() => ProjectPayload)
  setProjectQuota(@Ctx() ctx: OpsContext, @Arg('input', () => SetProjectQuotaInput) input: SetProjectQuotaInput) {
    return runMutation(() => this.service.setQuota(ctx, input));
  }
}
