// The hand-written face of agents-client: domain types only. Nothing generated
// from proto/ appears here, so callers never depend on the wire format.

export type AgentVmState =
  | 'STOPPED'
  | 'STARTING'
  | 'RUNNING'
  | 'STOPPING'
  | 'MIGRATING'
  | 'FAILED'
  | 'DELETING'
  /** Terminal: the VM is gone from the host. Seen only on events. */
  | 'DELETED';

export interface AgentHostInfo {
  /** Stable across agent restarts. */
  hostId: string;
  hostname: string;
  vcpus: number;
  memoryMib: number;
  agentVersion: string;
  capabilities: string[];
  labels: Record<string, string>;
  /** Changes on every agent start. */
  bootId: string;
}

export interface AgentDisk {
  volumeId: string;
  sizeGib: number;
  /** Boot order, lowest first; absent for data disks. */
  bootIndex?: number;
}

export interface AgentNic {
  networkId: string;
  macAddress: string;
  /** Absent when the address comes from DHCP. */
  ipAddress?: string;
  securityGroupIds: string[];
}

export interface AgentVmSpec {
  vmId: string;
  name: string;
  vcpus: number;
  memoryMib: number;
  image?: string;
  disks: AgentDisk[];
  nics: AgentNic[];
}

/** An allow rule; traffic no rule allows is dropped. Ports 0..0 mean all ports. */
export interface AgentSecurityRule {
  securityGroupId: string;
  direction: 'INGRESS' | 'EGRESS';
  protocol: 'ANY' | 'TCP' | 'UDP' | 'ICMP';
  portFrom: number;
  portTo: number;
  /** Remote range such as "10.0.0.0/8"; absent means anywhere. */
  cidr?: string;
}

export interface AgentVmStatus {
  vmId: string;
  name: string;
  state: AgentVmState;
  vcpus: number;
  memoryMib: number;
  volumeIds: string[];
  snapshotIds: string[];
  macAddresses: string[];
  /** Why the VM is FAILED. */
  error?: string;
}

interface AgentEventBase {
  /** The agent process that emitted the event; a new value means it restarted. */
  bootId: string;
  /** Grows by one per event within a boot. */
  seq: number;
  at: Date;
}

export type AgentEvent =
  | (AgentEventBase & {
      kind: 'heartbeat';
      cpuPercent: number;
      memoryPercent: number;
      vmCount: number;
      runningVmCount: number;
      /** The interval the agent promises between heartbeats. */
      intervalMs: number;
    })
  | (AgentEventBase & {
      kind: 'vmState';
      vmId: string;
      state: AgentVmState;
      previousState?: AgentVmState;
      /** Absent for changes the hypervisor made on its own. */
      operationId?: string;
      /** Why the VM failed, or why a migration was rolled back. */
      error?: string;
    })
  | (AgentEventBase & {
      kind: 'operation';
      operationId: string;
      vmId: string;
      succeeded: boolean;
      error?: string;
    });

/** Where a resync list stands: events of boot `bootId` up to `seq` are reflected in it. */
export interface AgentResyncPoint {
  bootId: string;
  seq: number;
}

export interface WatchEventsOptions {
  /** Stream up (after its resync) or down (with the reason). */
  onConnectionChange?(change: { connected: true } | { connected: false; error: Error }): void;
  /** A handler threw; default: process.emitWarning. The watch carries on. */
  onHandlerError?(error: unknown): void;
}

export interface EventWatch {
  close(): void;
}

/**
 * One agent (host). Mutating methods resolve once the agent has accepted the
 * operation; the outcome arrives as events. Every mutating method takes an
 * operation id: calling again with the same id is the same operation, which is
 * what makes the built-in retries safe. Failures reject with AgentUnavailableError
 * (agent unreachable; the outcome is unknown, retry with the same id) or
 * AgentCallError (the agent refused; nothing changed).
 */
export interface AgentClient {
  readonly address: string;
  hostInfo(): Promise<AgentHostInfo>;
  listVms(): Promise<AgentVmStatus[]>;
  createVm(operationId: string, spec: AgentVmSpec, start: boolean): Promise<void>;
  startVm(operationId: string, vmId: string): Promise<void>;
  stopVm(operationId: string, vmId: string, force: boolean): Promise<void>;
  rebootVm(operationId: string, vmId: string): Promise<void>;
  deleteVm(operationId: string, vmId: string): Promise<void>;
  /** On the target host: reserves capacity; returns the token for sendMigration. */
  prepareMigration(operationId: string, spec: AgentVmSpec, sourceHostId: string): Promise<{ migrationToken: string }>;
  /** On the source host: sends the VM to the prepared target. */
  sendMigration(operationId: string, vmId: string, targetAddress: string, migrationToken: string): Promise<void>;
  createSnapshot(operationId: string, vmId: string, snapshotId: string, name: string): Promise<void>;
  revertSnapshot(operationId: string, vmId: string, snapshotId: string): Promise<void>;
  deleteSnapshot(operationId: string, vmId: string, snapshotId: string): Promise<void>;
  attachVolume(operationId: string, vmId: string, disk: AgentDisk): Promise<void>;
  detachVolume(operationId: string, vmId: string, volumeId: string): Promise<void>;
  configureNic(operationId: string, vmId: string, nic: AgentNic, rules: AgentSecurityRule[]): Promise<void>;
  /**
   * Follows the host's events until closed, reconnecting with backoff forever.
   * After each (re)connection it calls listVms and hands the list to onResync;
   * events follow in order, minus those the list already reflects.
   */
  watchEvents(
    onEvent: (event: AgentEvent) => void,
    onResync: (vms: AgentVmStatus[], point: AgentResyncPoint) => void,
    options?: WatchEventsOptions,
  ): EventWatch;
  /** Ends watches, cancels retries and closes the connection. */
  close(): void;
}

/** Hands out one AgentClient per host address, sharing its connection. */
export interface AgentConnector {
  connect(address: string): AgentClient;
  /** Closes every client it handed out. */
  close(): void;
}
