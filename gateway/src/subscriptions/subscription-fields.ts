import type { Permission } from '../../../subgraphs/platform/src';
import { channels } from '../../../subgraphs/platform/src';

/**
 * How each contract subscription is served: which channel to read for its arguments, which
 * permission it needs, and how an event becomes the selected object.
 * - `entity`: the event wraps an entity (`{ kind, virtualMachine }`): `entityField` names
 *   the wrapping field, `rootQuery` the query that fetches the entity by id.
 * - `direct`: the subscription returns the entity itself (`taskChanged: Task!`).
 */
export interface SubscriptionField {
  permission: Permission;
  channel(args: Record<string, unknown>): string;
  shape: { kind: 'entity'; entityField: string; rootQuery: string; typename: string } | { kind: 'direct'; rootQuery: string; typename: string };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

export const SUBSCRIPTION_FIELDS: Record<string, SubscriptionField> = {
  virtualMachineChanged: {
    permission: 'vm:read',
    channel: (a) => {
      const id = str(a.id);
      const projectId = str(a.projectId);
      return id ? channels.vm.one(id) : projectId ? channels.vm.project(projectId) : channels.vm.all;
    },
    shape: { kind: 'entity', entityField: 'virtualMachine', rootQuery: 'virtualMachine', typename: 'VirtualMachine' },
  },
  hostChanged: {
    permission: 'host:read',
    channel: (a) => {
      const id = str(a.id);
      return id ? channels.host.one(id) : channels.host.all;
    },
    shape: { kind: 'entity', entityField: 'host', rootQuery: 'host', typename: 'Host' },
  },
  taskChanged: {
    permission: 'task:read',
    channel: (a) => {
      const id = str(a.id);
      const targetId = str(a.targetId);
      return id ? channels.task.one(id) : targetId ? channels.task.target(targetId) : channels.task.all;
    },
    shape: { kind: 'direct', rootQuery: 'task', typename: 'Task' },
  },
  alertChanged: {
    permission: 'alert:read',
    channel: () => channels.alert.all,
    shape: { kind: 'direct', rootQuery: 'alert', typename: 'Alert' },
  },
};
