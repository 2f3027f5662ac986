// Many simulated hosts in one process (like Kubernetes' KWOK): each is its own
// gRPC server with its own certificate and port, so the control plane talks to
// them exactly as to real agents.
import type { AgentVmStatus } from '../src/agent-client';
import { issueAgentCertificate, type ClusterPki } from '../src/tls/cluster-pki';
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
}

export interface SimulatedFleet {
  hosts: SimHost[];
  byAddress(address: string): SimHost | undefined;
  stop(): void;
}

const DEFAULT_CAPACITY = { vcpus: [32, 48, 64, 96, 128], memoryMib: [131_072, 262_144, 393_216, 524_288] };
const ZONES = ['zone-a', 'zone-b', 'zone-c'];
const HOSTS_PER_RACK = 40;

export async function startSimulatedFleet(options: SimulatedFleetOptions): Promise<SimulatedFleet> {
  const seed = options.seed ?? 1;
  const prefix = options.hostnamePrefix ?? 'sim-host';
  const capacity = options.capacity ?? DEFAULT_CAPACITY;
  const byAddress = new Map<string, SimulatedHost>();
  const hosts: SimulatedHost[] = [];
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
      }),
    );
  }
  const stop = () => hosts.forEach((host) => host.stop());
  try {
    const batch = options.startConcurrency ?? 64;
    for (let start = 0; start < hosts.length; start += batch) {
      await Promise.all(hosts.slice(start, start + batch).map((host) => host.start()));
    }
  } catch (error) {
    stop();
    throw error;
  }
  for (const host of hosts) byAddress.set(host.address, host);
  return { hosts, byAddress: (address) => byAddress.get(address), stop };
}
