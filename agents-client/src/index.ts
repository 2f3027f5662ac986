// agents-client: the only code in LimiQuantix that speaks gRPC to hypervisor agents.
export type {
  AgentClient,
  AgentConnector,
  AgentDisk,
  AgentEvent,
  AgentHostInfo,
  AgentNic,
  AgentResyncPoint,
  AgentSecurityRule,
  AgentVmSpec,
  AgentVmState,
  AgentVmStatus,
  EventWatch,
  WatchEventsOptions,
} from './agent-client';
export {
  AgentCallError,
  AgentError,
  AgentUnavailableError,
  isRetryable,
  type AgentErrorCode,
  type AgentRefusalCode,
  type AgentUnavailableCode,
} from './agent.errors';
export { createAgentConnector, type AgentConnectorOptions } from './grpc/agent-connector';
export type { BackoffPolicy } from './resilience/backoff';
export type { RetryPolicy } from './resilience/call-policy';
export type { CircuitBreakerPolicy } from './resilience/circuit-breaker';
export type { AgentTlsMaterial } from './tls/certificate-authority';
export {
  CONTROL_PLANE_COMMON_NAME,
  createEphemeralPki,
  ensureClusterPki,
  issueAgentCertificate,
  type ClusterPki,
} from './tls/cluster-pki';
