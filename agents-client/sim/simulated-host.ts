// One simulated hypervisor host: a real gRPC server with mutual TLS on its own
// port, in front of the hypervisor model, with the fault switches tests use.
// A crash keeps the model (VMs survive the agent process, as guests survive a
// crashed libvirt agent); restart() serves it again under a new boot id.
import { createHash } from 'node:crypto';
import { Server, ServerCredentials, type ServerWritableStream } from '@grpc/grpc-js';
import type { AgentVmStatus } from '../src/agent-client';
import {
  AgentServiceService,
  type GetHostInfoResponse,
  type ListVmsResponse,
  type WatchEventsRequest,
  type WatchEventsResponse,
} from '../src/generated/limiquantix/agent/v1/agent';
import { vmStatusFromProto } from '../src/grpc/proto-mapping';
import type { AgentTlsMaterial } from '../src/tls/certificate-authority';
import { EventBus } from './event-bus';
import type { PersistedHost } from './fleet-state.schema';
import { captureHost, restoreHost } from './host-state';
import { HypervisorCore, type SimOperation } from './hypervisor-core';
import { LatencyModel } from './latency-model';
import { SeededRandom } from './seeded-random';
import { createSimAgentService } from './sim-agent.service';
import { VmDevices } from './vm-devices';
import { VmLifecycle } from './vm-lifecycle';
import { VmMigration, type MigrationNetwork } from './vm-migration';

export const SIM_AGENT_VERSION = 'limiquantix-sim/0.1.0';
const CAPABILITIES = ['live-migration', 'snapshots', 'hotplug-volumes', 'security-groups'];

export interface SimulatedHostOptions {
  hostname: string;
  seed: number;
  vcpus: number;
  memoryMib: number;
  labels: Record<string, string>;
  /** The agent's server certificate (signed by the cluster CA) and the CA clients must present. */
  tls: AgentTlsMaterial;
  bindAddress: string;
  /** 0 picks a free port; a restart reuses the port first bound. */
  port: number;
  latencyScale: number;
  heartbeatMs: number;
  network: MigrationNetwork;
  /** Called after every change to the host's VMs or remembered operations (for saving them). */
  onChange?: () => void;
}

export interface SimModel {
  core: HypervisorCore;
  lifecycle: VmLifecycle;
  devices: VmDevices;
  migration: VmMigration;
}

interface StreamSink {
  call: ServerWritableStream<WatchEventsRequest, WatchEventsResponse>;
  /** Events produced while the agent is hung; written on unhang. */
  held: WatchEventsResponse[];
  detach(): void;
}

export class SimulatedHost {
  readonly hostname: string;
  readonly hostId: string;
  readonly model: SimModel;
  private port: number;
  private server: Server | undefined;
  private phase: 'stopped' | 'serving' | 'crashed' = 'stopped';
  private hung = false;
  private slowMs = 0;
  private heartbeats = true;
  private powerLossOnRestart = false;
  private boots = 0;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private readonly waiters = new Set<(admitted: boolean) => void>();
  private readonly sinks = new Set<StreamSink>();
  private readonly credentials: ServerCredentials;

  constructor(private readonly options: SimulatedHostOptions) {
    this.hostname = options.hostname;
    this.hostId = `host-${createHash('sha256').update(options.hostname).digest('hex').slice(0, 16)}`;
    this.port = options.port;
    const random = SeededRandom.derive(options.seed, options.hostname);
    const core = new HypervisorCore(
      { hostId: this.hostId, hostname: options.hostname, vcpus: options.vcpus, memoryMib: options.memoryMib },
      new EventBus(this.nextBootId()),
      random,
      new LatencyModel(SeededRandom.derive(options.seed, `${options.hostname}:latency`), options.latencyScale),
      options.onChange,
    );
    this.model = {
      core,
      lifecycle: new VmLifecycle(core),
      devices: new VmDevices(core),
      migration: new VmMigration(core, options.network),
    };
    // checkClientCertificate: refuse clients without a certificate signed by the cluster CA.
    this.credentials = ServerCredentials.createSsl(options.tls.ca, [{ private_key: options.tls.key, cert_chain: options.tls.cert }], true);
  }

  get address(): string {
    return `${this.options.bindAddress}:${this.port}`;
  }

  get bootId(): string {
    return this.model.core.events.bootId;
  }

  get capacity(): { vcpus: number; memoryMib: number } {
    return { vcpus: this.options.vcpus, memoryMib: this.options.memoryMib };
  }

  get serving(): boolean {
    return this.phase === 'serving';
  }

  async start(): Promise<void> {
    if (this.phase === 'serving') return;
    await this.listen();
    this.phase = 'serving';
    this.scheduleHeartbeats();
  }

  /** Stops for good (end of a test or of the simulator). */
  stop(): void {
    this.halt('stopped');
  }

  /** The agent process dies: connections and streams are cut, work in progress is abandoned. */
  crash(options: { powerLoss?: boolean } = {}): void {
    if (this.phase !== 'serving') return;
    this.powerLossOnRestart = options.powerLoss ?? false;
    this.halt('crashed');
    this.model.core.crash();
  }

  /**
   * A new agent process on the same port: same VMs (all off after a power loss),
   * new boot id, event numbering from 1; hang, slow and stopped heartbeats are cleared.
   */
  async restart(): Promise<void> {
    if (this.phase === 'serving') return;
    if (this.powerLossOnRestart) this.model.core.powerLoss();
    this.powerLossOnRestart = false;
    // A fresh process: whatever wedged the old one is gone. Armed failNext faults
    // belong to the hypervisor and stay.
    this.hung = false;
    this.slowMs = 0;
    this.heartbeats = true;
    this.model.core.events.reboot(this.nextBootId());
    await this.start();
  }

  /** The host's state for its fleet's state file. */
  captureState(): PersistedHost {
    return { boots: this.boots, powerLost: this.powerLossOnRestart, ...captureHost(this.model.core) };
  }

  /**
   * Before start(): takes up a saved state as a new agent process on a hypervisor that
   * kept running: same VMs (work in progress run to its end, see settleVm; all off if
   * the host had lost power), the next boot id, event numbering from 1.
   */
  restoreState(saved: PersistedHost): void {
    if (this.phase !== 'stopped') throw new Error(`restore ${this.hostname} before it starts`);
    restoreHost(this.model.core, saved);
    if (saved.powerLost) this.model.core.powerLoss();
    this.boots = saved.boots;
    this.model.core.events.reboot(this.nextBootId());
  }

  /** Calls are accepted but never answered, and streams go quiet, until unhang(). */
  hang(): void {
    this.hung = true;
  }

  unhang(): void {
    this.hung = false;
    this.release(true);
    for (const sink of this.sinks) for (const event of sink.held.splice(0)) sink.call.write(event);
  }

  /** Every call waits `ms` before it is handled; 0 turns it off. */
  slow(ms: number): void {
    this.slowMs = ms;
  }

  /**
   * Arms a fault for the next mutating operation (of kind `operation`, or any).
   * `fail` (default): accepted, then fails; lifecycle operations leave the VM
   * FAILED with `message`. `reject`: refused with ABORTED, nothing changes.
   */
  failNext(operation?: SimOperation, message = 'injected failure', mode: 'fail' | 'reject' = 'fail'): void {
    this.model.core.injectFault({ operation, message, mode });
  }

  stopHeartbeats(): void {
    this.heartbeats = false;
  }

  resumeHeartbeats(): void {
    this.heartbeats = true;
  }

  vms(): AgentVmStatus[] {
    const core = this.model.core;
    return [...core.vms.values()].map((vm) => vmStatusFromProto(core.status(vm))).filter((vm): vm is AgentVmStatus => vm !== undefined);
  }

  /** Waits at the gate: hang and slow apply here. False when the host went down meanwhile. */
  async admit(): Promise<boolean> {
    if (this.phase !== 'serving') return false;
    if (this.hung && !(await new Promise<boolean>((resolve) => this.waiters.add(resolve)))) return false;
    if (this.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, this.slowMs));
    return this.phase === 'serving';
  }

  /** Reachable for an incoming migration: serving and not hung. */
  migrationEndpoint(): VmMigration | undefined {
    return this.phase === 'serving' && !this.hung ? this.model.migration : undefined;
  }

  hostInfo(): GetHostInfoResponse {
    const { vcpus, memoryMib, labels } = this.options;
    return {
      hostId: this.hostId,
      hostname: this.hostname,
      vcpus,
      memoryMib,
      agentVersion: SIM_AGENT_VERSION,
      capabilities: [...CAPABILITIES],
      labels: { ...labels },
      bootId: this.bootId,
    };
  }

  listVms(): ListVmsResponse {
    const core = this.model.core;
    return { vms: [...core.vms.values()].map((vm) => core.status(vm)), bootId: this.bootId, sequence: core.events.lastSequence };
  }

  attachStream(call: ServerWritableStream<WatchEventsRequest, WatchEventsResponse>): void {
    const sink: StreamSink = { call, held: [], detach: () => undefined };
    const unsubscribe = this.model.core.events.subscribe((event) => {
      if (this.hung) sink.held.push(event);
      else call.write(event);
    });
    sink.detach = () => {
      unsubscribe();
      this.sinks.delete(sink);
    };
    this.sinks.add(sink);
    call.on('cancelled', sink.detach);
    call.on('error', sink.detach);
    this.beat(); // the first heartbeat at once, so a new client sees usage without waiting
  }

  private beat(): void {
    const core = this.model.core;
    if (this.phase !== 'serving' || this.hung || !this.heartbeats || core.events.listenerCount === 0) return;
    core.events.emit({ $case: 'heartbeat', value: core.usage(this.options.heartbeatMs) });
  }

  private scheduleHeartbeats(): void {
    // Spread hosts over the interval so a thousand of them do not beat in lockstep.
    const offset = Math.floor(SeededRandom.derive(this.options.seed, `${this.hostname}:beat`).next() * this.options.heartbeatMs);
    this.heartbeatTimer = setTimeout(() => {
      this.beat();
      this.heartbeatTimer = setInterval(() => this.beat(), this.options.heartbeatMs);
    }, offset);
  }

  private halt(phase: 'stopped' | 'crashed'): void {
    this.phase = phase;
    clearTimeout(this.heartbeatTimer);
    clearInterval(this.heartbeatTimer);
    this.release(false);
    for (const sink of [...this.sinks]) sink.detach();
    this.server?.forceShutdown();
    this.server = undefined;
  }

  private release(admitted: boolean): void {
    for (const waiter of this.waiters) waiter(admitted);
    this.waiters.clear();
  }

  private nextBootId(): string {
    this.boots += 1;
    return SeededRandom.derive(this.options.seed, `${this.hostname}:boot:${this.boots}`).hex(8);
  }

  private async listen(): Promise<void> {
    const server = new Server();
    server.addService(AgentServiceService, createSimAgentService(this));
    // After a crash the old socket may take a moment to free the port.
    for (let attempt = 0; ; attempt += 1) {
      try {
        this.port = await new Promise<number>((resolve, reject) =>
          server.bindAsync(`${this.options.bindAddress}:${this.port}`, this.credentials, (error, port) => (error ? reject(error) : resolve(port))),
        );
        break;
      } catch (error) {
        if (attempt >= 100 || !String(error).includes('EADDRINUSE')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    this.server = server;
  }
}
