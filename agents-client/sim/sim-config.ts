// The simulator's configuration: command-line flags only, validated with zod.
// The one place the simulator reads its environment.
import { parseArgs } from 'node:util';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);

const SimConfigSchema = z
  .object({
    count: z.coerce.number().int().min(1).max(10_000).default(10),
    seed: z.coerce.number().int().min(0).default(42),
    pkiDir: z.string().min(1).default('./.limiquantix/pki'),
    /** Host i listens on basePort + i; 0 picks free ports. */
    basePort: port.default(17_000),
    latencyScale: z.coerce.number().min(0).max(100).default(1),
    heartbeatMs: z.coerce.number().int().min(50).default(2_000),
    hostnamePrefix: z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'lower-case letters, digits and inner dashes (a DNS label)')
      .default('sim-host'),
    bindAddress: z.ipv4().default('127.0.0.1'),
    /** text: one host per line; json: one JSON document. */
    output: z.enum(['text', 'json']).default('text'),
  })
  .refine((config) => config.basePort === 0 || config.basePort + config.count - 1 <= 65_535, {
    message: 'base-port + count - 1 must be a valid port',
    path: ['basePort'],
  });

export type SimConfig = z.infer<typeof SimConfigSchema>;

export const SIM_USAGE = `usage: agent-sim [--count 10] [--seed 42] [--pki-dir ./.limiquantix/pki]
                 [--base-port 17000 (0: free ports)] [--latency-scale 1] [--heartbeat-ms 2000]
                 [--hostname-prefix sim-host] [--bind-address 127.0.0.1] [--output text|json]`;

const FLAGS = {
  count: 'count',
  seed: 'seed',
  'pki-dir': 'pkiDir',
  'base-port': 'basePort',
  'latency-scale': 'latencyScale',
  'heartbeat-ms': 'heartbeatMs',
  'hostname-prefix': 'hostnamePrefix',
  'bind-address': 'bindAddress',
  output: 'output',
} as const satisfies Record<string, keyof SimConfig>;

/** Parses `argv` (without node and script), or returns every problem found. */
export function parseSimConfig(argv: string[]): { ok: true; config: SimConfig } | { ok: false; problems: string[] } {
  let values: Record<string, string | undefined>;
  try {
    const options = Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' as const }]));
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
  const input = Object.fromEntries(Object.entries(FLAGS).map(([flag, key]) => [key, values[flag]]));
  const parsed = SimConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  const flagOf = (key: PropertyKey | undefined) => Object.entries(FLAGS).find(([, k]) => k === key)?.[0] ?? String(key);
  return { ok: false, problems: parsed.error.issues.map((issue) => `--${flagOf(issue.path[0])}: ${issue.message}`) };
}
