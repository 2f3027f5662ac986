// A request the simulated agent refuses; the gRPC layer turns it into a status.
export type SimRefusalCode =
  | 'NOT_FOUND'
  | 'FAILED_PRECONDITION'
  | 'ALREADY_EXISTS'
  | 'RESOURCE_EXHAUSTED'
  | 'INVALID_ARGUMENT'
  | 'ABORTED';

export class SimRefusal extends Error {
  constructor(
    readonly code: SimRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'SimRefusal';
  }
}
