// Many simulated hosts in one process (like Kubernetes' KWOK): each is its own
// gRPC server with its own certificate and port, so the control plane talks to
// them exactly as to real agents. With a state file, the fleet's VMs outlive the
// process, as guests outlive a restart of the control plane on real hypervisors.
import type { AgentVmStatus } from '../src/agent-client';
import { issueAgentCertificate, type ClusterPki } from '../src/tls/cluster-pki';
import { FleetStateFile, loadFleetState, type SimLogger } from './fleet-state.storage';
import type { SimOperation } from './hypervisor-core';
import { SeededRandom } from './seeded-random';
import { SimulatedHost } from './simulated-host';

/** What tests and the simulator's user can do with one simulated host. */
export interface SimHost {
  /** host:port to connect to. */
  readonly address: string;
  readonly hostname: string;
  readonly hostId: string;
  readonly bootId: string;
  readonly capacity: { vcpus: number; memoryMib: number };
  /** The agent process dies; with powerLoss the host's guests are off when it restarts. */
  crash(options?: { powerLoss?: boolean }): void;
  restart(): Promise<void>;
  hang(): void;
  unhang(): void;
  slow(ms: number): void;
  failNext(operation?: SimOperation, message?: string, mode?: 'fail' | 'reject'): void;
  stopHeartbeats(): void;
  resumeHeartbeats(): void;
  vms(): AgentVmStatus[];
}

export interface SimulatedFleetOptions {
  count: number;
  /** Same seed, same fleet. Default 1. */
  seed?: number;
  /** The cluster PKI: each host gets a server certificate from its CA. */
  pki: ClusterPki;
  /** Multiplies every simulated duration. Default 1 (operations take ~100-600 ms). */
  latencyScale?: number;
  /** Default 2 000 ms. */
  heartbeatMs?: number;
  /** Host i listens on basePort + i; 0 (default) picks free ports. */
  basePort?: number;
  /** Default "sim-host": hosts are sim-host-0001, sim-host-0002, ... */
  hostnamePrefix?: string;
  /** Default 127.0.0.1. */
  bindAddress?: string;
  /** Capacities to draw from (seeded). Default 32..128 vcpus, 128..512 GiB. */
  capacity?: { vcpus: number[]; memoryMib: number[] };
  /** Hosts started at once. Default 64. */
  startConcurrency?: number;
  /**
   * A JSON file that keeps the hosts' VMs and remembered operation ids across restarts of
   * this process. Read at start (hosts match by hostname, so keep seed and prefix; work
   * that was in progress is restored as finished, see settleVm in host-state.ts), written
   * shortly after every change and at stop(). An unreadable file is set aside with a
   * warning and the fleet starts empty. One fleet per file. Default: none, nothing kept.
   */
  statePath?: string;
  /** Coalescing delay of state-file writes, in ms. Default 250. */
  stateWriteDelayMs?: number;
  /** Receives state-file problems. Default console.warn. */
  logger?: SimLogger;
}

export interface SimulatedFleet {
  hosts: SimHost[];
  byAddress(address: string): SimHost | undefined;
  /** Writes the state file now if a change is waiting to be written. No-op without statePath. */
  flush(): void;
  /** Stops every host for good; with statePath, writes the final state first (synchronously). */
  stop(): void;
}

const DEFAULT_CAPACITY = { vcpus: [32, 48, 64, 96, 128], memoryMib: [131_072, 262_144, 393_216, 524_288] };
const ZONES = ['zone-a', 'zone-b', 'zone-c'];
const HOSTS_PER_RACK = 40;

export async function startSimulatedFleet(options: SimulatedFleetOptions): Promise<SimulatedFleet> {
  const seed = options.seed ?? 1;
  const prefix = options.hostnamePrefix ?? 'sim-host';
  const capacity = options.capacity ?? DEFAULT_CAPACITY;
  const logger = options.logger ?? { warn: (message: string) => console.warn(message) };
  const byAddress = new Map<string, SimulatedHost>();
  const hosts: SimulatedHost[] = [];
  const saved = options.statePath ? loadFleetState(options.statePath, logger) : {};
  // Hosts of the file this fleet does not have (a smaller count) are written back as they were.
  const carried = { ...saved };
  const stateFile = options.statePath
    ? new FleetStateFile({
        path: options.statePath,
        capture: () => ({ ...carried, ...Object.fromEntries(hosts.map((host) => [host.hostname, host.captureState()])) }),
        logger,
        writeDelayMs: options.stateWriteDelayMs ?? 250,
      })
    : undefined;
  for (let index = 0; index < options.count; index += 1) {
    const hostname = `${prefix}-${String(index + 1).padStart(4, '0')}`;
    const random = SeededRandom.derive(seed, `${hostname}:profile`);
    hosts.push(
      new SimulatedHost({
        hostname,
        seed,
        vcpus: random.pick(capacity.vcpus),
        memoryMib: random.pick(capacity.memoryMib),
        labels: {
          zone: random.pick(ZONES),
          rack: `rack-${Math.floor(index / HOSTS_PER_RACK) + 1}`,
          'limiquantix.io/simulated': 'true',
        },
        tls: issueAgentCertificate(options.pki, [hostname]),
        bindAddress: options.bindAddress ?? '127.0.0.1',
        port: options.basePort ? options.basePort + index : 0,
        latencyScale: options.latencyScale ?? 1,
        heartbeatMs: options.heartbeatMs ?? 2_000,
        network: (address) => byAddress.get(address)?.migrationEndpoint(),
        onChange: () => stateFile?.schedule(),
      }),
    );
  }
  for (const host of hosts) {
    const state = saved[host.hostname];
    if (!state) continue;
    delete carried[host.hostname];
    host.restoreState(state);
    // Guests are restored even when they no longer fit (capacities are drawn from the seed).
    const usedMib = host.model.core.usedMemoryMib();
    if (usedMib > host.capacity.memoryMib) {
      logger.warn(`simulated fleet: ${host.hostname} restored ${usedMib} MiB of running guests but has ${host.capacity.memoryMib} MiB; starts are refused until some stop`);
    }
  }
  // The file should show what was restored, not what was in progress when it was written.
  if (Object.keys(carried).length < Object.keys(saved).length) stateFile?.schedule();
  const halt = () => hosts.forEach((host) => host.stop());
  const stop = () => {
    halt();
    stateFile?.close({ write: true });
  };
  try {
    const batch = options.startConcurrency ?? 64;
    for (let start = 0; start < hosts.length; start += batch) {
      await Promise.all(hosts.slice(start, start + batch).map((host) => host.start()));
    }
  } catch (error) {
    halt();
    stateFile?.close({ write: false }); // the file still holds what was restored
    throw error;
  }
  for (const host of hosts) byAddress.set(host.address, host);
  return { hosts, byAddress: (address) => byAddress.get(address), flush: () => stateFile?.flush(), stop };
}
