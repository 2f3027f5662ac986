import { z } from 'zod';
import { parseAgentAddress } from '../domain/agent-address';

/** Labels per host: enough for zone, rack, hardware and team tags; each becomes a JSONB key. */
export const MAX_LABELS = 64;

const labelSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1, { message: 'label key must not be empty' })
    .max(253, { message: 'label key must be at most 253 characters' })
    // Empty passes here: min(1) reports it, once.
    .regex(/^([A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?)?$/, {
      message: 'label key must start and end with a letter or digit and contain only letters, digits, ".", "_", "-" and "/"',
    }),
  value: z.string().max(253, { message: 'label value must be at most 253 characters' }),
});

/** A label list: no more than MAX_LABELS, each key once (a repeated key is a mistake, not an override). */
export const labelListSchema = z
  .array(labelSchema)
  .max(MAX_LABELS, { message: `at most ${MAX_LABELS} labels` })
  .superRefine((labels, ctx) => {
    const seen = new Set<string>();
    labels.forEach((label, index) => {
      if (seen.has(label.key)) ctx.addIssue({ code: 'custom', path: [index, 'key'], message: `label key "${label.key}" is given twice` });
      seen.add(label.key);
    });
  });

export const agentAddressSchema = z.string().transform((raw, ctx) => {
  const parsed = parseAgentAddress(raw);
  if (parsed.ok) return parsed.address;
  ctx.addIssue({ code: 'custom', message: `agentAddress ${parsed.reason}` });
  return z.NEVER;
});

export const registerHostSchema = z.object({
  agentAddress: agentAddressSchema,
  clusterId: z.string().nullish(),
  labels: labelListSchema.nullish(),
});

export const hostIdSchema = z.object({ id: z.string() });
