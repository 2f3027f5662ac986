import type { ChangeKind, ChangePublisher, TaskChangedEvent, VmChangedEvent } from '../../../platform/src';
import type { Task } from '../domain/task';
import type { VirtualMachine } from '../domain/virtual-machine';

/** The change event of a VM: its hot fields, and its generation as the version. */
export function vmChangedEvent(kind: ChangeKind, vm: VirtualMachine, now: Date = new Date()): VmChangedEvent {
  return {
    kind,
    id: vm.id,
    projectId: vm.projectId,
    // A deletion is one change past the last state subscribers saw.
    version: kind === 'DELETED' ? vm.generation + 1 : vm.generation,
    name: vm.name,
    state: vm.state,
    desiredState: vm.desiredState,
    hostId: vm.hostId,
    at: now.toISOString(),
  };
}

/** The change event of a task; tasks only move forward, so their update time is the version. */
export function taskChangedEvent(kind: ChangeKind, task: Task, now: Date = new Date()): TaskChangedEvent {
  return {
    kind,
    id: task.id,
    targetType: task.targetType,
    targetId: task.targetId,
    version: task.updatedAt.getTime(),
    state: task.state,
    progress: task.progress,
    at: now.toISOString(),
  };
}

/**
 * Publishes VM and task changes after they are committed. Publishing never fails the caller
 * (ChangePublisher reports errors itself); events are published in the order of the calls.
 */
export class ComputeEvents {
  constructor(private readonly publisher: ChangePublisher) {}

  vm(kind: ChangeKind, vm: VirtualMachine): void {
    void this.publisher.vm(vmChangedEvent(kind, vm));
  }

  task(kind: ChangeKind, task: Task): void {
    void this.publisher.task(taskChangedEvent(kind, task));
  }
}
