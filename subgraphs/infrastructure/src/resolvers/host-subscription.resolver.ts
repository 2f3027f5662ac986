import { Arg, ID, Resolver, Subscription } from 'type-graphql';
import { HostEventType } from '../schema/host-event.type';

export const SERVED_BY_GATEWAY = 'subscriptions are served by the gateway over graphql-ws';

/**
 * Declares `Subscription.hostChanged` so that it is part of the composed schema. The gateway
 * serves it itself over graphql-ws: it reads the host channels of the event bus and fetches
 * `host(id)` through the graph for each event. Nothing subscribes at this subgraph.
 */
@Resolver()
export class HostSubscriptionResolver {
  @Subscription(() => HostEventType, {
    description: 'Changes to one host or to all hosts: phase, schedulable, usage on each heartbeat.',
    subscribe: () => {
      throw new Error(SERVED_BY_GATEWAY);
    },
  })
  hostChanged(@Arg('id', () => ID, { nullable: true }) _id?: string | null): HostEventType {
    throw new Error(SERVED_BY_GATEWAY);
  }
}
