import { Arg, ID, Resolver, Subscription } from 'type-graphql';
import type * as domain from '../domain/task';
import { Task } from '../schema/task.type';
import { VirtualMachineEvent } from '../schema/virtual-machine-event.type';

export const SERVED_BY_GATEWAY = 'subscriptions are served by the gateway over graphql-ws';

const refuse = (): never => {
  throw new Error(SERVED_BY_GATEWAY);
};

/**
 * Declares `virtualMachineChanged` and `taskChanged` so that they are part of the composed
 * schema. The gateway serves them itself over graphql-ws: it reads the VM and task channels
 * of the event bus (published by this subgraph's services and VM controller) and re-fetches
 * `virtualMachine(id)` / `task(id)` through the graph. Nothing subscribes at this subgraph.
 */
@Resolver()
export class ComputeSubscriptionResolver {
  @Subscription(() => VirtualMachineEvent, {
    description: "Changes to one VM, or to every VM the caller may see (optionally one project's).",
    subscribe: refuse,
  })
  // type-graphql lists arguments last to first: declared so, the schema reads (id, projectId).
  virtualMachineChanged(
    @Arg('projectId', () => ID, { nullable: true }) _projectId?: string | null,
    @Arg('id', () => ID, { nullable: true }) _id?: string | null,
  ): VirtualMachineEvent {
    return refuse();
  }

  @Subscription(() => Task, {
    description: 'Each state or progress change of one task, or of all tasks on one target.',
    subscribe: refuse,
  })
  taskChanged(
    @Arg('targetId', () => ID, { nullable: true }) _targetId?: string | null,
    @Arg('id', () => ID, { nullable: true }) _id?: string | null,
  ): domain.Task {
    return refuse();
  }
}
