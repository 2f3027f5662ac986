/**
 * Channels and payloads of the change events. A change is published on the broad channel
 * and on narrow ones (per object, per project, per target), so a subscriber to one VM reads
 * only that VM's channel. Payloads carry the object's id, a version that only grows, and the
 * hot fields; the gateway fetches anything else a subscriber selected.
 */
export type ChangeKind = 'CREATED' | 'UPDATED' | 'DELETED';

export interface VmChangedEvent {
  kind: ChangeKind;
  id: string;
  projectId: string;
  /** The VM's generation after the change; subscribers drop anything older than they hold. */
  version: number;
  name: string;
  state: string;
  desiredState: string;
  hostId: string | null;
  at: string;
}

export interface HostChangedEvent {
  kind: ChangeKind;
  id: string;
  /** Milliseconds since the epoch of the change; hosts have no generation counter. */
  version: number;
  hostname: string;
  phase: string;
  schedulable: boolean;
  cpuPercent: number | null;
  memoryPercent: number | null;
  lastHeartbeatAt: string | null;
  at: string;
}

export interface TaskChangedEvent {
  kind: ChangeKind;
  id: string;
  targetType: string;
  targetId: string;
  /** Milliseconds since the epoch of the change (tasks only move forward). */
  version: number;
  state: string;
  progress: number;
  at: string;
}

export const channels = {
  vm: { all: 'lq.vm', one: (id: string) => `lq.vm.id.${id}`, project: (projectId: string) => `lq.vm.project.${projectId}` },
  host: { all: 'lq.host', one: (id: string) => `lq.host.id.${id}` },
  task: { all: 'lq.task', one: (id: string) => `lq.task.id.${id}`, target: (targetId: string) => `lq.task.target.${targetId}` },
} as const;

/** Every channel a VM change goes to. */
export function vmChannels(e: Pick<VmChangedEvent, 'id' | 'projectId'>): string[] {
  return [channels.vm.all, channels.vm.one(e.id), channels.vm.project(e.projectId)];
}

export function hostChannels(e: Pick<HostChangedEvent, 'id'>): string[] {
  return [channels.host.all, channels.host.one(e.id)];
}

export function taskChannels(e: Pick<TaskChangedEvent, 'id' | 'targetId'>): string[] {
  return [channels.task.all, channels.task.one(e.id), channels.task.target(e.targetId)];
}
