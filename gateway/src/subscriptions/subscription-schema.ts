import { GraphQLError, type FieldNode, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { mapSchema, MapperKind } from '@graphql-tools/utils';
import { can, type EventBus, type RequestContext } from '../../../subgraphs/platform/src';
import { SUBSCRIPTION_FIELDS, type SubscriptionField } from './subscription-fields';
import { buildFollowUp, collectFields, projectSnapshot, selectFromSnapshot } from './follow-up';
import type { FollowUpExecutor } from './follow-up-executor';

export interface ChangeEvent {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  id: string;
  version: number;
  [field: string]: unknown;
}

type Resolved = Record<string, unknown>;

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
 * Turns one event into the subscriber's selection: a follow-up query through the federated
 * graph, with the subscriber's own credentials, fetches every selected field of the object.
 * Null when the subscriber is not to get the event (the object is gone or unreadable). A
 * DELETED object cannot be queried: the event's snapshot stands in for it.
 */
async function resolveEvent(spec: SubscriptionField, event: ChangeEvent, field: FieldNode, ctx: RequestContext, info: GraphQLResolveInfo, followUps: FollowUpExecutor): Promise<Resolved | null> {
  if (!field.selectionSet) return null;
  const key = field.alias?.value ?? field.name.value;
  const snapshot = spec.snapshot(event);
  if (spec.shape.kind === 'direct') {
    if (event.kind === 'DELETED') return { [key]: projectSnapshot(field, snapshot, info.fragments) };
    const hot = selectFromSnapshot(field.selectionSet, snapshot, info.fragments);
    if (hot) return { [key]: hot };
    const data = await followUps.run(buildFollowUp(info, spec.shape.rootQuery, [field], event.id), ctx, event);
    return data?.[key] ? { [key]: data[key] } : null;
  }
  const { entityField, rootQuery } = spec.shape;
  const fields = collectFields(field.selectionSet, info.fragments);
  const entityFields = fields.filter((f) => f.name.value === entityField);
  // Fields the snapshot answers need no query; the others are fetched in one follow-up.
  const fromSnapshot = new Map(entityFields.map((f) => [f, f.selectionSet ? selectFromSnapshot(f.selectionSet, snapshot, info.fragments) : null]));
  const toFetch = entityFields.filter((f) => !fromSnapshot.get(f));
  let data: Record<string, unknown> | null = {};
  if (toFetch.length && event.kind !== 'DELETED') {
    data = await followUps.run(buildFollowUp(info, rootQuery, toFetch, event.id), ctx, event);
    if (!data || toFetch.some((f) => !data?.[f.alias?.value ?? f.name.value])) return null;
  }
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const k = f.alias?.value ?? f.name.value;
    if (f.name.value === 'kind') out[k] = event.kind;
    else if (f.name.value === '__typename') out[k] = info.returnType.toString().replace(/!$/, '');
    else if (f.name.value === entityField) {
      out[k] = fromSnapshot.get(f) ?? (event.kind === 'DELETED' ? projectSnapshot(f, snapshot, info.fragments) : data[k]);
    }
  }
  return { [key]: out };
}

/** The subscriber's events, newest version per object, each resolved to its selection. */
async function* stream(spec: SubscriptionField, queue: AsyncIterableIterator<ChangeEvent> & { return(): Promise<unknown> }, field: FieldNode, ctx: RequestContext, info: GraphQLResolveInfo, followUps: FollowUpExecutor): AsyncGenerator<Resolved> {
  try {
    for await (const event of newestOnly(queue)) {
      const resolved = await resolveEvent(spec, event, field, ctx, info, followUps).catch(() => null);
      if (resolved) yield resolved;
    }
  } finally {
    await queue.return();
  }
}

/**
 * The gateway's API schema made executable for subscriptions: each Subscription field reads
 * its channel on the event bus (Redis or in-process), and each event becomes the subscriber's
 * selection through a follow-up query, so a subscriber may select any field and sees an event
 * only if the subgraphs let it read the object.
 */
export function buildSubscriptionSchema(apiSchema: GraphQLSchema, bus: EventBus, followUps: FollowUpExecutor): GraphQLSchema {
  const subscriptionType = apiSchema.getSubscriptionType()?.name;
  return mapSchema(apiSchema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      if (typeName !== subscriptionType) return { ...fieldConfig, resolve: byResponseKey };
      const spec = SUBSCRIPTION_FIELDS[fieldName];
      return {
        ...fieldConfig,
        resolve: byResponseKey,
        // A plain function, so refusals are thrown before any stream exists and come back
        // to the client as errors of the subscription rather than of the stream.
        subscribe: (_root: unknown, args: Record<string, unknown>, ctx: RequestContext, info: GraphQLResolveInfo) => {
          if (!spec) throw new GraphQLError(`${fieldName} is not served yet`);
          if (!ctx.viewer) throw new GraphQLError('Not authenticated', { extensions: { code: 'UNAUTHENTICATED' } });
          if (!can(ctx.viewer.role, spec.permission)) {
            throw new GraphQLError(`Role ${ctx.viewer.role} may not ${spec.permission.replace(':', ' ')}`, { extensions: { code: 'FORBIDDEN' } });
          }
          return stream(spec, bus.subscribe<ChangeEvent>(spec.channel(args)), info.fieldNodes[0] as FieldNode, ctx, info, followUps);
        },
      };
    },
  });
}
