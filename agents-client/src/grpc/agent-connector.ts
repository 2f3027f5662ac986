// Builds AgentClients: one per host address, each with its own connection,
// circuit breaker and retry state, all sharing the control plane's TLS identity.
import { credentials, type ChannelOptions } from '@grpc/grpc-js';
import type { AgentClient, AgentConnector } from '../agent-client';
import { AgentServiceClient } from '../generated/limiquantix/agent/v1/agent';
import type { BackoffPolicy } from '../resilience/backoff';
import { CallPolicy, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../resilience/call-policy';
import { CircuitBreaker, DEFAULT_BREAKER_POLICY, type CircuitBreakerPolicy } from '../resilience/circuit-breaker';
import type { AgentTlsMaterial } from '../tls/certificate-authority';
import { GrpcAgentClient } from './grpc-agent.client';

export interface AgentConnectorOptions {
  /** The control plane's client certificate and key, and the cluster CA agents must be signed by. */
  tls: AgentTlsMaterial;
  /** Deadline of each attempt of a unary call. Default 5 000 ms. */
  deadlineMs?: number;
  /** Retries of UNAVAILABLE and DEADLINE failures. Default 4 attempts, backoff 100 ms doubling to 2 000 ms. */
  retry?: Partial<RetryPolicy>;
  /** Per host. Default: opens after 5 consecutive failures, half-opens after 10 000 ms. */
  breaker?: Partial<CircuitBreakerPolicy>;
  /** Event stream reconnection. Default 250 ms doubling to 10 000 ms. */
  streamBackoff?: Partial<BackoffPolicy>;
  /** How soon gRPC redials a lost agent. Default 250 ms doubling to 5 000 ms. */
  channelBackoff?: Partial<BackoffPolicy>;
  /** Keepalive ping interval on a connection with open calls. Default 30 000 ms. Agents must permit it. */
  keepaliveMs?: number;
  /** Source of jitter, [0, 1). Default Math.random. */
  random?: () => number;
  /** Clock of the circuit breakers. Default Date.now. */
  now?: () => number;
}

export function createAgentConnector(options: AgentConnectorOptions): AgentConnector {
  const deadlineMs = options.deadlineMs ?? 5_000;
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const breakerPolicy: CircuitBreakerPolicy = { ...DEFAULT_BREAKER_POLICY, ...options.breaker };
  const streamBackoff: BackoffPolicy = { initialMs: 250, maxMs: 10_000, ...options.streamBackoff };
  const channelBackoff: BackoffPolicy = { initialMs: 250, maxMs: 5_000, ...options.channelBackoff };
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const channelCredentials = credentials.createSsl(options.tls.ca, options.tls.key, options.tls.cert);
  const channelOptions: ChannelOptions = {
    'grpc.initial_reconnect_backoff_ms': channelBackoff.initialMs,
    'grpc.max_reconnect_backoff_ms': channelBackoff.maxMs,
    'grpc.keepalive_time_ms': options.keepaliveMs ?? 30_000,
    'grpc.keepalive_timeout_ms': 10_000,
  };
  const clients = new Map<string, AgentClient>();

  return {
    connect(address: string): AgentClient {
      const existing = clients.get(address);
      if (existing) return existing;
      const abort = new AbortController();
      const client: AgentClient = new GrpcAgentClient({
        address,
        stub: new AgentServiceClient(address, channelCredentials, channelOptions),
        policy: new CallPolicy({
          address,
          deadlineMs,
          retry,
          breaker: new CircuitBreaker(breakerPolicy, now),
          random,
          signal: abort.signal,
        }),
        watchPolicy: { backoff: streamBackoff, connectTimeoutMs: deadlineMs, random },
        abort,
        onClose: () => {
          if (clients.get(address) === client) clients.delete(address);
        },
      });
      clients.set(address, client);
      return client;
    },
    close(): void {
      for (const client of [...clients.values()]) client.close();
    },
  };
}
