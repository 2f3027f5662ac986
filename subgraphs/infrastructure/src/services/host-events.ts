import type { ChangeKind, HostChangedEvent } from '../../../platform/src';
import type { Host } from '../domain/host';

/**
 * The change event of a host: its id, the hot fields subscribers show (phase, schedulable,
 * usage), and the time of the change as its version (hosts have no generation counter).
 */
export function hostChangedEvent(kind: ChangeKind, host: Host, now: Date = new Date()): HostChangedEvent {
  return {
    kind,
    id: host.id,
    version: now.getTime(),
    hostname: host.hostname,
    phase: host.phase,
    schedulable: host.schedulable,
    cpuPercent: host.usage?.cpuPercent ?? null,
    memoryPercent: host.usage?.memoryPercent ?? null,
    lastHeartbeatAt: host.lastHeartbeatAt?.toISOString() ?? null,
    at: now.toISOString(),
  };
}
