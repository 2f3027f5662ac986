/** Where the subgraph and its host monitor report what an operator may want to know. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** The default: standard output and standard error. */
export const CONSOLE_LOGGER: Logger = {
  info: (message) => console.log(`[infrastructure] ${message}`),
  warn: (message) => console.warn(`[infrastructure] ${message}`),
};
