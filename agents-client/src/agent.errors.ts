// Errors of agent calls, in two kinds so that callers can tell "the agent is down"
// from "the agent said no". Thrown by AgentClient methods; caught by the
// reconcilers and services that drive agents.
import { status, type ServiceError } from '@grpc/grpc-js';

export type AgentUnavailableCode =
  /** No connection, refused TLS handshake, or the agent is shutting down. */
  | 'UNAVAILABLE'
  /** The agent did not answer within the deadline. */
  | 'DEADLINE'
  /** Recent calls failed; the breaker refuses calls until its cool-down ends. */
  | 'CIRCUIT_OPEN'
  /** The client was closed. */
  | 'CLOSED';

export type AgentRefusalCode =
  | 'NOT_FOUND'
  | 'INVALID_STATE'
  | 'ALREADY_EXISTS'
  | 'NO_CAPACITY'
  | 'INVALID_ARGUMENT'
  /** Any other answer the agent gave (internal error, unimplemented, ...). */
  | 'REJECTED';

export type AgentErrorCode = AgentUnavailableCode | AgentRefusalCode;

/** Base of both kinds; `address` names the host, `cause` keeps the gRPC error. */
export abstract class AgentError extends Error {
  abstract readonly code: AgentErrorCode;
  constructor(
    readonly address: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The agent could not be reached or did not answer in time. For a mutating call
 * the outcome is unknown: retry later with the same operation id, or resync.
 * Also thrown at once while the host's circuit breaker is open.
 */
export class AgentUnavailableError extends AgentError {
  constructor(
    readonly code: AgentUnavailableCode,
    address: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(address, message, options);
  }
}

/** The agent answered and refused the request; nothing changed on the host. */
export class AgentCallError extends AgentError {
  constructor(
    readonly code: AgentRefusalCode,
    address: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(address, message, options);
  }
}

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof Error && typeof (error as Partial<ServiceError>).code === 'number';
}

/** Translates a gRPC failure of `method` on `address` into one of the two kinds. */
export function toAgentError(error: unknown, address: string, method: string): AgentError {
  if (error instanceof AgentError) return error;
  if (!isServiceError(error)) {
    return new AgentCallError('REJECTED', address, `${method} on ${address} failed: ${String(error)}`, { cause: error });
  }
  const message = `${method} on ${address}: ${error.details || error.message}`;
  const options = { cause: error };
  switch (error.code) {
    case status.UNAVAILABLE:
      return new AgentUnavailableError('UNAVAILABLE', address, message, options);
    case status.DEADLINE_EXCEEDED:
      return new AgentUnavailableError('DEADLINE', address, message, options);
    case status.CANCELLED:
      // Only our own cancellation (closing the client) cancels a call.
      return new AgentUnavailableError('CLOSED', address, message, options);
    case status.NOT_FOUND:
      return new AgentCallError('NOT_FOUND', address, message, options);
    case status.FAILED_PRECONDITION:
      return new AgentCallError('INVALID_STATE', address, message, options);
    case status.ALREADY_EXISTS:
      return new AgentCallError('ALREADY_EXISTS', address, message, options);
    case status.RESOURCE_EXHAUSTED:
      return new AgentCallError('NO_CAPACITY', address, message, options);
    case status.INVALID_ARGUMENT:
    case status.OUT_OF_RANGE:
      return new AgentCallError('INVALID_ARGUMENT', address, message, options);
    default:
      return new AgentCallError('REJECTED', address, message, options);
  }
}

/** Whether a retry with the same operation id may succeed. */
export function isRetryable(error: AgentError): boolean {
  return error.code === 'UNAVAILABLE' || error.code === 'DEADLINE';
}
