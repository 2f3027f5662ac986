/** Where the subgraph and its VM controller report what an operator may want to know. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** The default: standard output and standard error. */
export const CONSOLE_LOGGER: Logger = {
  info: (message) => console.log(`[compute] ${message}`),
  warn: (message) => console.warn(`[compute] ${message}`),
};

export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
