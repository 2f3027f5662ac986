import { GraphQLError, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { mapSchema, MapperKind } from '@graphql-tools/utils';
import { can, type RequestContext } from '../../../subgraphs/platform/src';
import type { EventBus } from '../../../subgraphs/platform/src';
import { SUBSCRIPTION_FIELDS } from './subscription-fields';
import { buildFollowUp, collectFields, projectSnapshot } from './follow-up';
import type { FollowUpExecutor } from './follow-up-executor';

interface ChangeEvent {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  id: string;
  version: number;
  [field: string]: unknown;
}

/** Reads a field by its response key: follow-up results are keyed by the caller's aliases. */
const byResponseKey = (source: unknown, _args: unknown, _ctx: unknown, info: GraphQLResolveInfo) =>
  source && typeof source === 'object' ? (source as Record<string, unknown>)[info.path.key as string] : undefined;

/** Drops events older than the newest this subscriber already got for the same object. */
async function* newestOnly(source: AsyncIterable<ChangeEvent>): AsyncGenerator<ChangeEvent> {
  const seen = new Map<string, number>();
  for await (const event of source) {
    const last = seen.get(event.id);
    if (last !== undefined && event.version < last) continue;
    seen.set(event.id, event.version);
    if (seen.size > 10_000) seen.delete(seen.keys().next().value as string);
    yield event;
  }
}

/**
 * The gateway's API schema made executable for subscriptions: each Subscription field reads
 * its Redis (or in-process) channel, and each event is resolved by a follow-up query through
 * the federated graph with the subscriber's own credentials, so the subscriber may select any
 * field, and sees an event only if the subgraphs let it read the object.
 */
export function buildSubscriptionSchema(apiSchema: GraphQLSchema, bus: EventBus, followUps: FollowUpExecutor): GraphQLSchema {
  const subscriptionType = apiSchema.getSubscriptionType()?.name;
  return mapSchema(apiSchema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      if (typeName !== subscriptionType) return { ...fieldConfig, resolve: byResponseKey };
      const spec = SUBSCRIPTION_FIELDS[fieldName];
      if (!spec) {
        return {
          ...fieldConfig,
          subscribe: () => {
            throw new GraphQLError(`${fieldName} is not served yet`);
          },
        };
      }
      return {
        ...fieldConfig,
        subscribe: (_root: unknown, args: Record<string, unknown>, ctx: RequestContext) => {
          if (!ctx.viewer) throw new GraphQLError('Not authenticated', { extensions: { code: 'UNAUTHENTICATED' } });
          if (!can(ctx.viewer.role, spec.permission)) {
            throw new GraphQLError(`Role ${ctx.viewer.role} may not ${spec.permission.replace(':', ' ')}`, { extensions: { code: 'FORBIDDEN' } });
          }
          return newestOnly(bus.subscribe<ChangeEvent>(spec.channel(args)));
        },
        resolve: async (event: ChangeEvent, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) => {
          const field = info.fieldNodes[0];
          if (!field?.selectionSet) return null;
          const snapshot = { __typename: spec.shape.typename, ...event } as Record<string, unknown>;
          if (spec.shape.kind === 'direct') {
            if (event.kind === 'DELETED') return projectSnapshot(field, snapshot, info.fragments);
            const data = await followUps.run(buildFollowUp(info, spec.shape.rootQuery, [field], event.id), ctx, event);
            const key = field.alias?.value ?? field.name.value;
            // null: the object is gone, or the subscriber may not read it; skip the event.
            return data?.[key] ?? null;
          }
          const { entityField, rootQuery, typename } = spec.shape;
          const fields = collectFields(field.selectionSet, info.fragments);
          const entityFields = fields.filter((f) => f.name.value === entityField);
          const data = entityFields.length && event.kind !== 'DELETED'
            ? await followUps.run(buildFollowUp(info, rootQuery, entityFields, event.id), ctx, event)
            : {};
          const out: Record<string, unknown> = {};
          for (const f of fields) {
            const key = f.alias?.value ?? f.name.value;
            if (f.name.value === 'kind') out[key] = event.kind;
            else if (f.name.value === '__typename') out[key] = isObjectType(info.returnType) ? info.returnType.name : null;
            else if (f.name.value === entityField) out[key] = data?.[key] ?? projectSnapshot(f, { ...snapshot, __typename: typename }, info.fragments);
          }
          return out;
        },
      };
    },
  });
}
