// The hypervisor simulator: real gRPC agents with mTLS, backed by a model.
export { startSimulatedFleet, type SimHost, type SimulatedFleet, type SimulatedFleetOptions } from './simulated-fleet';
export type { SimLogger } from './fleet-state.storage';
export type { SimOperation } from './hypervisor-core';
export { BASE_LATENCY_MS, type LatencyKind } from './latency-model';
