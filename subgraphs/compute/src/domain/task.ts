export const TASK_STATES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** States a task never leaves. */
export const TERMINAL_TASK_STATES: ReadonlySet<TaskState> = new Set<TaskState>(['SUCCEEDED', 'FAILED', 'CANCELLED']);

export function isTerminal(state: TaskState): boolean {
  return TERMINAL_TASK_STATES.has(state);
}

/**
 * The kinds the control plane records. The column is free text so a new kind needs no
 * migration; this list is what the code writes today.
 */
export type TaskKind =
  | 'VM_CREATE' | 'VM_START' | 'VM_STOP' | 'VM_REBOOT' | 'VM_MIGRATE' | 'VM_DELETE' | 'VM_UPDATE'
  | 'SNAPSHOT_CREATE' | 'SNAPSHOT_REVERT' | 'SNAPSHOT_DELETE'
  | 'HOST_DRAIN' | 'HA_RESTART' | 'DRS_APPLY' | 'VOLUME_ATTACH';

export interface TaskError {
  code: string;
  message: string;
}

/** Long-running work: returned at once by a mutation, then followed by polling or subscription. */
export interface Task {
  id: string;
  kind: string;
  state: TaskState;
  /** 0 to 100. */
  progress: number;
  /** The object the task acts on: its GraphQL type name and id. */
  targetType: string;
  targetId: string;
  /** The host the operation runs on, when an agent does the work. */
  hostId: string | null;
  message: string | null;
  error: TaskError | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** Which tasks a list asks for; every given criterion must hold. */
export interface TaskCriteria {
  targetId?: string;
  /** Any of these states. */
  states?: readonly TaskState[];
}

/**
 * The task's error from its two columns: present when a code was stored. A code without a
 * message still reads as an error (the message falls back to the code), so a failure is
 * never hidden by a missing text.
 */
export function taskErrorOf(code: string | null, message: string | null): TaskError | null {
  if (!code) return null;
  return { code, message: message ?? code };
}
