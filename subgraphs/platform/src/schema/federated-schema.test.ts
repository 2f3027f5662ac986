import { graphql, printSchema } from 'graphql';
import { Arg, Ctx, Directive, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { buildFederatedSchema, instanceContainer } from './federated-schema';
import { UserError } from './shared.types';
import { runMutation } from '../errors/user-errors';
import { ConflictError, ForbiddenError } from '../errors/domain-errors';
import type { AuditRecord } from '../audit/audit.middleware';
import type { RequestContext } from '../auth/viewer';

@Directive('@key(fields: "id")')
@ObjectType('Widget')
class Widget {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Gadget')
class GadgetRef {
  @Field(() => ID) id!: string;
}

@InputType('CreateWidgetInput')
class CreateWidgetInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) password?: string;
}

@ObjectType('WidgetPayload')
class WidgetPayload {
  @Field(() => Widget, { nullable: true }) widget?: Widget;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@Resolver()
class WidgetResolver {
  constructor(private readonly widgets: Map<string, Widget>) {}

  @Query(() => Widget, { nullable: true })
  widget(@Arg('id', () => ID) id: string): Widget | null {
    return this.widgets.get(id) ?? null;
  }

  @Mutation(() => WidgetPayload)
  createWidget(@Arg('input', () => CreateWidgetInput) input: CreateWidgetInput, @Ctx() ctx: RequestContext) {
    return runMutation(async () => {
      if (!ctx.viewer) throw new ForbiddenError('no');
      if (this.widgets.has(input.name)) throw new ConflictError('taken', { field: ['input', 'name'] });
      const widget = { id: input.name, name: input.name };
      this.widgets.set(widget.id, widget);
      return { widget };
    });
  }
}

describe('buildFederatedSchema', () => {
  const audit: AuditRecord[] = [];
  const widgets = new Map<string, Widget>();
  const ctx = (viewer: RequestContext['viewer']): RequestContext => ({ viewer, authError: null, clientIp: '10.0.0.9', requestId: 'r' });
  const admin = { userId: 'u1', username: 'alice', role: 'ADMIN' as const };
  let schema: Awaited<ReturnType<typeof buildFederatedSchema>>;

  beforeAll(async () => {
    schema = await buildFederatedSchema({
      resolvers: [WidgetResolver],
      orphanedTypes: [GadgetRef],
      container: instanceContainer([new WidgetResolver(widgets)]),
      audit: { write: async (r) => void audit.push(r) },
      references: { Widget: { __resolveReference: (ref: { id: string }) => widgets.get(ref.id) ?? null } },
    });
  });

  it('prints federation keys and resolves entities by reference', async () => {
    const sdl = printSchema(schema);
    expect(sdl).toContain('_entities');
    widgets.set('w1', { id: 'w1', name: 'one' });
    const res = await graphql({
      schema,
      source: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Widget { name } } }',
      variableValues: { r: [{ __typename: 'Widget', id: 'w1' }] },
      contextValue: ctx(admin),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ _entities: [{ name: 'one' }] });
  });

  it('audits a successful mutation, a user error and a refusal, redacting secrets', async () => {
    const run = (viewer: RequestContext['viewer']) =>
      graphql({
        schema,
        source: 'mutation { createWidget(input: { name: "w2", password: "hunter2" }) { widget { id } userErrors { code field } } }',
        contextValue: ctx(viewer),
      });
    expect((await run(admin)).data).toEqual({ createWidget: { widget: { id: 'w2' }, userErrors: [] } });
    expect((await run(admin)).data).toEqual({ createWidget: { widget: null, userErrors: [{ code: 'CONFLICT', field: ['input', 'name'] }] } });
    expect((await run(null)).errors?.[0]?.message).toBe('no');
    expect(audit.map((a) => [a.action, a.outcome, a.actor, a.resourceType, a.resourceId])).toEqual([
      ['createWidget', 'SUCCESS', 'alice', 'Widget', 'w2'],
      ['createWidget', 'USER_ERROR', 'alice', null, null],
      ['createWidget', 'DENIED', 'anonymous', null, null],
    ]);
    expect(JSON.stringify(audit[0]?.details)).not.toContain('hunter2');
    expect(audit[0]?.ipAddress).toBe('10.0.0.9');
  });
});
