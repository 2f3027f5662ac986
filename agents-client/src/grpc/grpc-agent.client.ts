// AgentClient over gRPC: one per host, sharing the connector's credentials.
// Unary calls go through the host's CallPolicy (deadline, retries, breaker);
// the event stream goes through ReconnectingEventWatch.
import { Metadata, type CallOptions, type ClientUnaryCall, type ServiceError } from '@grpc/grpc-js';
import type {
  AgentClient,
  AgentDisk,
  AgentEvent,
  AgentHostInfo,
  AgentNic,
  AgentResyncPoint,
  AgentSecurityRule,
  AgentVmSpec,
  AgentVmStatus,
  EventWatch,
  WatchEventsOptions,
} from '../agent-client';
import { AgentUnavailableError, toAgentError } from '../agent.errors';
import type { AgentServiceClient, WatchEventsResponse } from '../generated/limiquantix/agent/v1/agent';
import type { CallPolicy } from '../resilience/call-policy';
import { ReconnectingEventWatch, type EventWatchPolicy, type StreamHandlers } from './event-watch';
import { diskToProto, eventFromProto, hostInfoFromProto, nicToProto, ruleToProto, specToProto, vmStatusFromProto } from './proto-mapping';

type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => ClientUnaryCall;

export interface GrpcAgentClientDeps {
  address: string;
  stub: AgentServiceClient;
  policy: CallPolicy;
  watchPolicy: EventWatchPolicy;
  /** Aborts pending retries; the connector owns it. */
  abort: AbortController;
  onClose: () => void;
}

export class GrpcAgentClient implements AgentClient {
  readonly address: string;
  private readonly calls = new Set<{ cancel(): void }>();
  private readonly watches = new Set<EventWatch>();
  private closed = false;

  constructor(private readonly deps: GrpcAgentClientDeps) {
    this.address = deps.address;
  }

  async hostInfo(): Promise<AgentHostInfo> {
    return hostInfoFromProto(await this.unary('GetHostInfo', this.deps.stub.getHostInfo, {}));
  }

  async listVms(): Promise<AgentVmStatus[]> {
    return (await this.snapshot()).vms;
  }

  async createVm(operationId: string, spec: AgentVmSpec, start: boolean): Promise<void> {
    await this.unary('CreateVm', this.deps.stub.createVm, { operationId, spec: specToProto(spec), start });
  }

  async startVm(operationId: string, vmId: string): Promise<void> {
    await this.unary('StartVm', this.deps.stub.startVm, { operationId, vmId });
  }

  async stopVm(operationId: string, vmId: string, force: boolean): Promise<void> {
    await this.unary('StopVm', this.deps.stub.stopVm, { operationId, vmId, force });
  }

  async rebootVm(operationId: string, vmId: string): Promise<void> {
    await this.unary('RebootVm', this.deps.stub.rebootVm, { operationId, vmId });
  }

  async deleteVm(operationId: string, vmId: string): Promise<void> {
    await this.unary('DeleteVm', this.deps.stub.deleteVm, { operationId, vmId });
  }

  async prepareMigration(operationId: string, spec: AgentVmSpec, sourceHostId: string): Promise<{ migrationToken: string }> {
    const response = await this.unary('PrepareMigration', this.deps.stub.prepareMigration, {
      operationId,
      spec: specToProto(spec),
      sourceHostId,
    });
    return { migrationToken: response.migrationToken };
  }

  async sendMigration(operationId: string, vmId: string, targetAddress: string, migrationToken: string): Promise<void> {
    await this.unary('SendMigration', this.deps.stub.sendMigration, { operationId, vmId, targetAddress, migrationToken });
  }

  async createSnapshot(operationId: string, vmId: string, snapshotId: string, name: string): Promise<void> {
    await this.unary('CreateSnapshot', this.deps.stub.createSnapshot, { operationId, vmId, snapshotId, name });
  }

  async revertSnapshot(operationId: string, vmId: string, snapshotId: string): Promise<void> {
    await this.unary('RevertSnapshot', this.deps.stub.revertSnapshot, { operationId, vmId, snapshotId });
  }

  async deleteSnapshot(operationId: string, vmId: string, snapshotId: string): Promise<void> {
    await this.unary('DeleteSnapshot', this.deps.stub.deleteSnapshot, { operationId, vmId, snapshotId });
  }

  async attachVolume(operationId: string, vmId: string, disk: AgentDisk): Promise<void> {
    await this.unary('AttachVolume', this.deps.stub.attachVolume, { operationId, vmId, disk: diskToProto(disk) });
  }

  async detachVolume(operationId: string, vmId: string, volumeId: string): Promise<void> {
    await this.unary('DetachVolume', this.deps.stub.detachVolume, { operationId, vmId, volumeId });
  }

  async configureNic(operationId: string, vmId: string, nic: AgentNic, rules: AgentSecurityRule[]): Promise<void> {
    await this.unary('ConfigureNic', this.deps.stub.configureNic, {
      operationId,
      vmId,
      nic: nicToProto(nic),
      rules: rules.map(ruleToProto),
    });
  }

  watchEvents(
    onEvent: (event: AgentEvent) => void,
    onResync: (vms: AgentVmStatus[], point: AgentResyncPoint) => void,
    options?: WatchEventsOptions,
  ): EventWatch {
    if (this.closed) throw new AgentUnavailableError('CLOSED', this.address, `client for ${this.address} is closed`);
    const inner = new ReconnectingEventWatch(
      { open: (handlers) => this.openStream(handlers), listVms: () => this.snapshot() },
      this.deps.watchPolicy,
      onEvent,
      onResync,
      options,
    );
    const watch: EventWatch = {
      close: () => {
        this.watches.delete(watch);
        inner.close();
      },
    };
    this.watches.add(watch);
    return watch;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const watch of [...this.watches]) watch.close();
    this.deps.abort.abort(new AgentUnavailableError('CLOSED', this.address, 'client closed'));
    for (const call of [...this.calls]) call.cancel();
    this.deps.stub.close();
    this.deps.onClose();
  }

  private async snapshot(): Promise<{ vms: AgentVmStatus[]; point: AgentResyncPoint }> {
    const response = await this.unary('ListVms', this.deps.stub.listVms, {});
    const vms = response.vms.map(vmStatusFromProto).filter((vm): vm is AgentVmStatus => vm !== undefined);
    return { vms, point: { bootId: response.bootId, seq: response.sequence } };
  }

  private unary<Req, Res>(name: string, method: UnaryMethod<Req, Res>, request: Req): Promise<Res> {
    return this.deps.policy.run(
      name,
      (deadline) =>
        new Promise<Res>((resolve, reject) => {
          const call = method.call(this.deps.stub, request, new Metadata(), { deadline }, (error, response) => {
            this.calls.delete(call);
            if (error) reject(error);
            else resolve(response);
          });
          this.calls.add(call);
        }),
    );
  }

  private openStream(handlers: StreamHandlers): { cancel(): void } {
    const stream = this.deps.stub.watchEvents({}, new Metadata());
    let ended = false;
    const end = (error: Error) => {
      if (ended) return;
      ended = true;
      this.calls.delete(stream);
      handlers.onEnd(error);
    };
    this.calls.add(stream);
    stream.on('metadata', () => handlers.onHeaders());
    stream.on('data', (message: WatchEventsResponse) => {
      const event = eventFromProto(message);
      if (event) handlers.onEvent(event);
    });
    stream.on('error', (error: unknown) => end(toAgentError(error, this.address, 'WatchEvents')));
    stream.on('end', () => end(new AgentUnavailableError('UNAVAILABLE', this.address, `event stream of ${this.address} ended`)));
    return { cancel: () => stream.cancel() };
  }
}
