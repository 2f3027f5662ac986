import type { AgentEvent, AgentVmStatus } from '../../../../agents-client/src';
import type { ObservedVm } from '../domain/reconcile-plan';

type ObservedState = Extract<ObservedVm, { kind: 'present' }>;

/** What one host reports of its VMs, by VM id. */
export type HostListing = ReadonlyMap<string, ObservedState>;

/**
 * What each host reports of its VMs, kept like a Kubernetes informer cache: replaced by every
 * listing the agent's stream hands over on (re)connection, moved forward by each VM state
 * event, and unknown while the stream is down. It is updated in the host's lane, as each
 * listing and event is applied, so the reconciler reading it in the same lane sees exactly
 * the agent's history applied so far: never ahead of the events still waiting (which would
 * then move the VM back in time), never behind.
 */
export class ObservedVms {
  private readonly hosts = new Map<string, Map<string, ObservedState>>();

  /** The host's VMs, or null when its stream is down (or not yet listed). */
  of(hostId: string): HostListing | null {
    return this.hosts.get(hostId) ?? null;
  }

  replace(hostId: string, vms: readonly AgentVmStatus[]): void {
    const listing = new Map<string, ObservedState>();
    for (const vm of vms) if (vm.state !== 'DELETED') listing.set(vm.vmId, { kind: 'present', state: vm.state, error: vm.error ?? null });
    this.hosts.set(hostId, listing);
  }

  apply(hostId: string, event: AgentEvent): void {
    const listing = this.hosts.get(hostId);
    if (!listing || event.kind !== 'vmState') return;
    if (event.state === 'DELETED') listing.delete(event.vmId);
    else listing.set(event.vmId, { kind: 'present', state: event.state, error: event.error ?? null });
  }

  forget(hostId: string): void {
    this.hosts.delete(hostId);
  }
}
