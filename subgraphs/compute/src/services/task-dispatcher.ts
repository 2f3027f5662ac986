/**
 * Hands a task to the agent that runs it, without waiting: the mutation answers at once with
 * the task, and the task's progress arrives as events. Implemented by the VM controller's
 * dispatcher (controllers/vm-dispatcher.ts); declared here so services do not import it.
 */
export interface TaskDispatcher {
  dispatch(taskId: string): void;
}
