import { z } from 'zod';

/** Thrown when configuration is invalid; the message names every offending variable. */
export class ConfigError extends Error {}

/**
 * Parses environment variables with a deployable's zod schema. Every problem is reported at
 * once, each naming its variable, so a bad deployment fails at start-up and says why.
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  // Empty strings count as unset, as shells and compose files often pass them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** `"a,b , c"` -> ['a', 'b', 'c']. */
export const commaList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

/** Integer from an environment string. */
export const intFromEnv = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
