// A request the simulated agent refuses; the gRPC layer turns it into a status.
export const SIM_REFUSAL_CODES = [
  'NOT_FOUND',
  'FAILED_PRECONDITION',
  'ALREADY_EXISTS',
  'RESOURCE_EXHAUSTED',
  'INVALID_ARGUMENT',
  'ABORTED',
] as const;

export type SimRefusalCode = (typeof SIM_REFUSAL_CODES)[number];

export class SimRefusal extends Error {
  constructor(
    readonly code: SimRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'SimRefusal';
  }
}
