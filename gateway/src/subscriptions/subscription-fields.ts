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
  /**
   * The object as the event carries it, shaped like the schema's type: what a subscriber
   * selecting only these fields gets without a follow-up query, and all a DELETED object has.
   */
  snapshot(event: Record<string, unknown>): Record<string, unknown>;
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
    snapshot: (e) => ({ __typename: 'VirtualMachine', id: e.id, name: e.name, state: e.state, desiredState: e.desiredState }),
    shape: { kind: 'entity', entityField: 'virtualMachine', rootQuery: 'virtualMachine', typename: 'VirtualMachine' },
  },
  hostChanged: {
    permission: 'host:read',
    channel: (a) => {
      const id = str(a.id);
      return id ? channels.host.one(id) : channels.host.all;
    },
    snapshot: (e) => ({
      __typename: 'Host',
      id: e.id,
      hostname: e.hostname,
      phase: e.phase,
      schedulable: e.schedulable,
      lastHeartbeatAt: e.lastHeartbeatAt,
      usage: e.cpuPercent === null || e.cpuPercent === undefined ? null : { __typename: 'HostUsage', cpuPercent: e.cpuPercent, memoryPercent: e.memoryPercent },
    }),
    shape: { kind: 'entity', entityField: 'host', rootQuery: 'host', typename: 'Host' },
  },
  taskChanged: {
    permission: 'task:read',
    channel: (a) => {
      const id = str(a.id);
      const targetId = str(a.targetId);
      return id ? channels.task.one(id) : targetId ? channels.task.target(targetId) : channels.task.all;
    },
    snapshot: (e) => ({ __typename: 'Task', id: e.id, state: e.state, progress: e.progress, targetType: e.targetType, targetId: e.targetId }),
    shape: { kind: 'direct', rootQuery: 'task', typename: 'Task' },
  },
};
